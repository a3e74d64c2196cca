/*
 * Parkflow: dates in Cockpit as YYYY-MM-DD HH:mm.
 *
 * Cockpit ignores config.js "dateFormat" and sets camDateFormat in a config block of its
 * 'cam.cockpit' module ("normal" = YYYY-MM-DD[T]HH:mm:ss). Custom scripts are imported after
 * that block is registered and before the application is bootstrapped, so a config block added
 * here runs after Cockpit's and its formats win.
 */
const FORMATS = {
  abbr: 'YYYY-MM-DD HH:mm',
  normal: 'YYYY-MM-DD HH:mm',
  long: 'YYYY-MM-DD HH:mm dddd',
  short: 'YYYY-MM-DD'
};

window.angular.module('cam.cockpit').config(['camDateFormatProvider', (provider) => {
  Object.entries(FORMATS).forEach(([name, format]) => provider.setDateFormat(format, name));
}]);
