import type { ChannelLogger } from './channel.ts';

/** Test support: a ChannelLogger that keeps what it was told. */
export function recordingLogger() {
  const entries: { level: 'info' | 'warn'; obj: Record<string, unknown>; msg: string }[] = [];
  const logger: ChannelLogger = {
    info: (obj, msg) => entries.push({ level: 'info', obj: obj as Record<string, unknown>, msg }),
    warn: (obj, msg) => entries.push({ level: 'warn', obj: obj as Record<string, unknown>, msg }),
  };
  return { logger, entries };
}
