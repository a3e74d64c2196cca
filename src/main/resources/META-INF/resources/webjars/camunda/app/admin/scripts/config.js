/*
 * Parkflow override of Camunda Admin's scripts/config.js (webjar 7.24.0, whose settings are
 * all commented out, i.e. Admin's built-in defaults apply). Chinese first, English fallback.
 * Admin formats dates with the locale's LLL pattern, which zh.json sets to YYYY-MM-DD HH:mm.
 */
export default {
  app: {
    name: '· 系统管理',
    vendor: '园区案件管理 · Parkflow'
  },
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'en'
  }
};
