/*
 * Parkflow: what the zh locale files cannot reach, for all four webapps (each app's
 * scripts/config.js lists it in customScripts). Custom scripts are imported after an app has
 * registered its AngularJS config blocks and before it is bootstrapped, so config blocks added
 * here run last.
 *
 * 1. Dates as YYYY-MM-DD HH:mm. Tasklist and Welcome read "dateFormat" from config.js, but Cockpit
 *    hard-codes YYYY-MM-DD[T]HH:mm:ss and Admin uses the locale's patterns, so the formats are set
 *    here, once, for all four.
 * 2. moment.js locale. The webapps load the preferred locale (zh.json) and the fallback (en.json)
 *    and define moment's locale from each file's "dateLocales" as it arrives; defining a locale
 *    also makes it moment's global one, so whichever file arrives last wins and "3 分钟前" can
 *    turn into "3 minutes ago". For a Chinese UI the English dateLocales are dropped from en.json
 *    (its labels still serve as the fallback).
 * 3. Texts written in English into the page without a translation key: Camunda Forms (form-js,
 *    bundled in lib/deps.js, no translation hook) writes its validation messages in English, and
 *    a few Cockpit and Tasklist templates contain literal English. Patching the 3.8 MB bundle
 *    would tie us to one build, so a MutationObserver replaces those known texts where they
 *    appear. A text added by a later Camunda version stays English until it is listed here;
 *    nothing breaks. Labels from our own models and forms are Chinese and never match.
 */
const FORMATS = {
  monthName: 'MMMM', day: 'DD', abbr: 'YYYY-MM-DD HH:mm',
  normal: 'YYYY-MM-DD HH:mm', long: 'YYYY-MM-DD HH:mm dddd', short: 'YYYY-MM-DD'
};

const FORM = '.fjs-container';
const VARIABLE_TYPES = {
  Boolean: '布尔值', Bytes: '字节', Short: '短整数', Integer: '整数', Long: '长整数', Double: '双精度浮点数',
  Date: '日期', String: '字符串', Null: '空值', Object: '对象', Json: 'JSON', Xml: 'XML', File: '文件'
};
function variableTypes(where) {
  return Object.entries(VARIABLE_TYPES).map(([type, chinese]) => [where, new RegExp(`^${type}$`), chinese]);
}
/** [where, English text, Chinese text or function of the match] */
const TEXTS = [
  [FORM, /^Field is required\.$/, '此项为必填项。'],
  [FORM, /^Field must match pattern (.+)\.$/, (m) => `格式不正确，须符合：${m[1]}`],
  [FORM, /^Field must have minimum value of (.+)\.$/, (m) => `不得小于 ${m[1]}。`],
  [FORM, /^Field must have maximum value of (.+)\.$/, (m) => `不得大于 ${m[1]}。`],
  [FORM, /^Field must have minimum length of (.+)\.$/, (m) => `至少填写 ${m[1]} 个字符。`],
  [FORM, /^Field must have maximum length of (.+)\.$/, (m) => `最多填写 ${m[1]} 个字符。`],
  [FORM, /^Field must be a valid +international phone number\./, '请填写有效的国际格式电话号码（如 +862112345678）。'],
  [FORM, /^Field must be a valid email\.$/, '请填写有效的电子邮箱地址。'],
  [FORM, /^Value is not a number\.$/, '请填写数字。'],
  [FORM, /^Value is expected to be an integer\.$/, '请填写整数。'],
  [FORM, /^Value is expected to have at most (\d+) decimal digits?\.$/, (m) => `最多保留 ${m[1]} 位小数。`],
  [FORM, /^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    (m) => `请填写有效值，最接近的有效值为 ${m[1]} 和 ${m[2]}。`],
  [FORM, /^Date and time must both be entered\.$/, '日期和时间须同时填写。'],
  [FORM, /^Search$/, '搜索'],
  [FORM, /^Select$/, '请选择'],
  [FORM, /^No results$/, '无匹配结果'],
  [FORM, /^Nothing to show\.$/, '暂无内容。'],
  [FORM, /^Previous page$/, '上一页'],
  [FORM, /^Next page$/, '下一页'],
  [FORM, /^Remove tag$/, '移除'],
  [FORM, /^Add new$/, '新增'],
  [FORM, /^Collapse$/, '收起'],
  [FORM, /^Expand all \((\d+)\)$/, (m) => `全部展开（${m[1]}）`],
  [FORM, /^Date$/, '日期'],
  [FORM, /^Time$/, '时间'],
  [FORM, /^mm\/dd\/yyyy$/, '年-月-日'],
  [FORM, /^hh:mm$/, '时:分'],
  [FORM, /^Failed to render form$/, '表单无法显示'],
  ['.null-value', /^null$/, '无'],
  ['.placeholder-content', /^Loading diagram$/, '正在加载流程图'],
  ['td', /^Message is null\.$/, '消息为空。'],
  ['thead td.actions', /^Actions$/, '操作'], // the variables tables' header
  ['input[type=checkbox]', /^Select all$/, '全选'], // title of Cockpit's job table checkbox
  ['.tooltip-inner', /^Suspended Job Definition$/, '已挂起的作业定义'],
  ['.tooltip-inner', /^Toggle this section$/, '展开/收起此区域'],
  ...variableTypes('td.col-type'), // the type column of the variables tables
  ...variableTypes('option') // type choices when adding a variable
];
const ATTRIBUTES = ['placeholder', 'aria-label', 'title'];

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

function translate(text, element) {
  const trimmed = text.trim();
  for (const [where, english, chinese] of TEXTS) {
    const match = english.exec(trimmed);
    if (match && element.closest(where)) {
      return text.replace(trimmed, typeof chinese === 'function' ? chinese(match) : chinese);
    }
  }
  return null;
}

function translateNode(node) {
  if (node.nodeType === Node.TEXT_NODE && node.parentElement) {
    const chinese = translate(node.data, node.parentElement);
    if (chinese !== null) {
      node.data = chinese;
    }
  } else if (node.nodeType === Node.ELEMENT_NODE) {
    ATTRIBUTES.forEach((name) => {
      const value = node.getAttribute(name);
      const chinese = value === null ? null : translate(value, node);
      if (chinese !== null) {
        node.setAttribute(name, chinese);
      }
    });
  }
}

function translateTree(root) {
  translateNode(root);
  if (root.nodeType === Node.ELEMENT_NODE) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      translateNode(node);
    }
  }
}

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

  // a replaced text never matches an English pattern again, so the observer cannot loop
  new MutationObserver((mutations) => mutations.forEach((mutation) => {
    if (mutation.type === 'childList') {
      mutation.addedNodes.forEach(translateTree);
    } else {
      translateNode(mutation.target);
    }
  })).observe(document.documentElement, {
    subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ATTRIBUTES
  });
}
