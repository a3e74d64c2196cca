/*
 * Parkflow: Chinese dates in every webapp (listed in each app's scripts/config.js customScripts).
 *
 * Custom scripts are imported after an app has registered its AngularJS config blocks and before
 * it is bootstrapped, so config blocks added here run last.
 *
 * 1. Date formats YYYY-MM-DD HH:mm. Tasklist and Welcome read "dateFormat" from config.js, but
 *    Cockpit hard-codes its own (YYYY-MM-DD[T]HH:mm:ss) and Admin uses the locale's patterns, so
 *    the formats are set here, once, for all four.
 * 2. moment.js locale. The webapps load the preferred locale (zh.json) and the fallback (en.json)
 *    and define moment's locale from each file's "dateLocales" as it arrives; defining a locale
 *    also makes it moment's global one, so whichever file arrives last wins the race and
 *    "3 分钟前" can turn into "3 minutes ago". For a Chinese UI the English dateLocales are
 *    therefore dropped from en.json (its labels still serve as fallback).
 */
const FORMATS = {
  monthName: 'MMMM',
  day: 'DD',
  abbr: 'YYYY-MM-DD HH:mm',
  normal: 'YYYY-MM-DD HH:mm',
  long: 'YYYY-MM-DD HH:mm dddd',
  short: 'YYYY-MM-DD'
};

const angular = window.angular;
const app = document.querySelector('base').getAttribute('app-name');

// the webapps' own rule: the primary subtag of the browser's first language
const navigatorLanguage = (navigator.languages && navigator.languages[0]) || navigator.language || '';
const chineseUi = navigatorLanguage.split('-')[0].toLowerCase() === 'zh';

angular.module('cam.' + app).config(['$injector', ($injector) => {
  if ($injector.has('camDateFormatProvider')) {
    const dateFormat = $injector.get('camDateFormatProvider');
    Object.entries(FORMATS).forEach(([name, format]) => dateFormat.setDateFormat(format, name));
  }
}]);

if (chineseUi) {
  document.documentElement.lang = 'zh-CN'; // CJK glyphs chosen for Chinese, not Japanese

  // en.json may already be cached (with its dateLocales) from an English session
  const cache = JSON.parse(localStorage.getItem('camunda-web') || '{}');
  Object.keys(cache).filter((key) => key.includes('_locales_data_en_')).forEach((key) => delete cache[key]);
  localStorage.setItem('camunda-web', JSON.stringify(cache));

  angular.module('cam.' + app).config(['$httpProvider', ($httpProvider) => {
    $httpProvider.interceptors.push(() => ({
      response: (response) => {
        if (/\/locales\/en\.json$/.test(response.config.url || '') && response.data && response.data.dateLocales) {
          response.data = Object.assign({}, response.data);
          delete response.data.dateLocales;
        }
        return response;
      }
    }));
  }]);
}
