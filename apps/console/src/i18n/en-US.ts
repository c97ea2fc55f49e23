import type zhCN from './zh-CN.ts';
import core from './en-US/core.ts';
import workOrders from './en-US/work-orders.ts';
import routing from './en-US/routing.ts';
import serviceLevels from './en-US/service-levels.ts';
import callbacks from './en-US/callbacks.ts';
import surveys from './en-US/surveys.ts';
import callbackSettings from './en-US/callback-settings.ts';
import formsEditor from './en-US/forms-editor.ts';
import inbox from './en-US/inbox.ts';
import customerClasses from './en-US/customer-classes.ts';
import liveChat from './en-US/live-chat.ts';
import knowledge from './en-US/knowledge.ts';
import chatChannels from './en-US/chat-channels.ts';
import customerArchive from './en-US/customer-archive.ts';
import renewals from './en-US/renewals.ts';
import customerImports from './en-US/customer-imports.ts';
import orders from './en-US/orders.ts';

// English, by area in en-US/; the same keys as zh-CN.
const enUS: Record<keyof typeof zhCN, string> = { ...core, ...workOrders, ...routing, ...serviceLevels, ...callbacks, ...surveys, ...callbackSettings, ...formsEditor, ...inbox, ...customerClasses, ...liveChat, ...knowledge, ...chatChannels, ...customerArchive, ...renewals, ...customerImports, ...orders };

export default enUS;
