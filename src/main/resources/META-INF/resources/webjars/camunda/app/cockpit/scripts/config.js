/*
 * Parkflow override of Camunda Cockpit's scripts/config.js (webjar 7.24.0, whose settings are
 * all commented out, i.e. Cockpit's built-in defaults apply). Chinese first, English fallback.
 */
export default {
  app: {
    name: '· 运行监控',
    vendor: '园区案件管理 · Parkflow'
  },
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'en'
  },
  // ../parkflow/parkflow-zh: dates as YYYY-MM-DD HH:mm, Chinese moment locale, Chinese texts for
  // what has no translation key (Camunda Forms validation messages, a few literal template texts);
  // ../parkflow/supervision-board: the 督查看板 (dashboard summary, menu entry, route #/supervision)
  customScripts: ['../parkflow/parkflow-zh', '../parkflow/supervision-board']
    // ../parkflow/cockpit-actions: buttons that change something only for whoever the engine allows it
    .concat(['../parkflow/cockpit-actions'])
};
