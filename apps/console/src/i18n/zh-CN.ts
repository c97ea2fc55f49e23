// Chinese (the primary language). Every user-visible string of the console
// lives in zh-CN/, by area; en-US/ must have the same keys (the type checker enforces it).
import core from './zh-CN/core.ts';
import workOrders from './zh-CN/work-orders.ts';
import routing from './zh-CN/routing.ts';
import serviceLevels from './zh-CN/service-levels.ts';
import callbacks from './zh-CN/callbacks.ts';
import surveys from './zh-CN/surveys.ts';
import callbackSettings from './zh-CN/callback-settings.ts';
import formsEditor from './zh-CN/forms-editor.ts';
import inbox from './zh-CN/inbox.ts';
import customerClasses from './zh-CN/customer-classes.ts';
import liveChat from './zh-CN/live-chat.ts';
import knowledge from './zh-CN/knowledge.ts';
import chatChannels from './zh-CN/chat-channels.ts';
import customerArchive from './zh-CN/customer-archive.ts';
import renewals from './zh-CN/renewals.ts';
import customerImports from './zh-CN/customer-imports.ts';
import orders from './zh-CN/orders.ts';

const zhCN = { ...core, ...workOrders, ...routing, ...serviceLevels, ...callbacks, ...surveys, ...callbackSettings, ...formsEditor, ...inbox, ...customerClasses, ...liveChat, ...knowledge, ...chatChannels, ...customerArchive, ...renewals, ...customerImports, ...orders } as const;

export default zhCN;
