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
  // Cockpit ignores dateFormat in this file and hard-codes its own; this script sets ours
  customScripts: ['scripts/parkflow-date-format']
};
