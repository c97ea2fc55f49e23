// Callbacks: the agent's list and workspace, menus.
export default {
  'menu.callbackGroup': 'Callbacks & satisfaction',
  'menu.myCallbacks': 'My callbacks',
  'menu.campaigns': 'Callback campaigns',
  'menu.callbackReport': 'Callback report',
  'menu.surveys': 'Satisfaction surveys',
  'menu.callbackPolicies': 'Callback policies',
  'menu.callbackScripts': 'Callback scripts',
};
