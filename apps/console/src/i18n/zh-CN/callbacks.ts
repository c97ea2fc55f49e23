// Callbacks (回访): the agent's list and workspace, menus.
export default {
  'menu.callbackGroup': '回访与满意度',
  'menu.myCallbacks': '我的回访',
  'menu.campaigns': '回访活动',
  'menu.callbackReport': '回访报表',
  'menu.surveys': '满意度调查',
  'menu.callbackPolicies': '回访策略',
  'menu.callbackScripts': '回访话术',
} as const;
