import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import type { BacklogGate } from '../events/backlog-gate.ts';
import type { RunUnit } from '../events/unit-of-work.ts';
import type { Clock } from '../time/clock.ts';

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/** What every module's routes receive. */
export interface Deps {
  db: Db;
  config: Config;
  /** business changes run in a unit of work (one transaction; each table written once) */
  unit: RunUnit;
  /** new work orders wait here while the background is too far behind */
  intakeGate: BacklogGate;
  /** the time of business deadlines (the system clock; tests inject theirs) */
  clock: Clock;
}
