/*
 * Parkflow: Chinese text for Camunda Forms in Tasklist.
 *
 * Tasklist renders Camunda Forms with form-js, which is bundled into lib/deps.js and writes its
 * validation messages ("Field is required." ...) and a few control texts as English literals;
 * form-js has no translation hook that Tasklist exposes. Patching the 3.8 MB bundle would tie
 * us to one exact build, so instead this script watches the rendered form (.fjs-container) and
 * replaces the known English texts with Chinese ones. A text form-js adds in a later version
 * stays English until it is added here; nothing breaks. Labels come from our own forms and are
 * Chinese already, so they never match.
 */
const MESSAGES = [
  [/^Field is required\.$/, () => '此项为必填项。'],
  [/^Field must match pattern (.+)\.$/, (m) => `格式不正确，须符合：${m[1]}`],
  [/^Field must have minimum value of (.+)\.$/, (m) => `不得小于 ${m[1]}。`],
  [/^Field must have maximum value of (.+)\.$/, (m) => `不得大于 ${m[1]}。`],
  [/^Field must have minimum length of (.+)\.$/, (m) => `至少填写 ${m[1]} 个字符。`],
  [/^Field must have maximum length of (.+)\.$/, (m) => `最多填写 ${m[1]} 个字符。`],
  [/^Field must be a valid +international phone number\./, () => '请填写有效的国际格式电话号码（如 +862112345678）。'],
  [/^Field must be a valid email\.$/, () => '请填写有效的电子邮箱地址。'],
  [/^Value is not a number\.$/, () => '请填写数字。'],
  [/^Value is expected to be an integer\.$/, () => '请填写整数。'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, (m) => `最多保留 ${m[1]} 位小数。`],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    (m) => `请填写有效值，最接近的有效值为 ${m[1]} 和 ${m[2]}。`],
  [/^Date and time must both be entered\.$/, () => '日期和时间须同时填写。'],
  [/^Search$/, () => '搜索'],
  [/^Select$/, () => '请选择'],
  [/^No results$/, () => '无匹配结果'],
  [/^Nothing to show\.$/, () => '暂无内容。'],
  [/^Previous page$/, () => '上一页'],
  [/^Next page$/, () => '下一页'],
  [/^Remove tag$/, () => '移除'],
  [/^Add new$/, () => '新增'],
  [/^Collapse$/, () => '收起'],
  [/^Expand all \((\d+)\)$/, (m) => `全部展开（${m[1]}）`],
  [/^Date$/, () => '日期'],
  [/^Time$/, () => '时间'],
  [/^mm\/dd\/yyyy$/, () => '年-月-日'],
  [/^hh:mm$/, () => '时:分'],
  [/^Failed to render form$/, () => '表单无法显示'],
  [/^This is an image placeholder$/, () => '图片占位']
];

const ATTRIBUTES = ['placeholder', 'aria-label', 'title'];

function translate(text) {
  const trimmed = text.trim();
  for (const [pattern, chinese] of MESSAGES) {
    const match = pattern.exec(trimmed);
    if (match) {
      return text.replace(trimmed, chinese(match));
    }
  }
  return null;
}

function inForm(node) {
  const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
  return element !== null && element.closest('.fjs-container') !== null;
}

function translateTextNode(node) {
  const chinese = translate(node.data);
  if (chinese !== null) {
    node.data = chinese;
  }
}

function translateElement(element) {
  ATTRIBUTES.forEach((name) => {
    const value = element.getAttribute(name);
    const chinese = value === null ? null : translate(value);
    if (chinese !== null) {
      element.setAttribute(name, chinese);
    }
  });
}

function translateTree(root) {
  if (!inForm(root)) {
    // a wrapper added around a whole form
    if (root.nodeType === Node.ELEMENT_NODE) {
      root.querySelectorAll('.fjs-container').forEach(translateTree);
    }
    return;
  }
  if (root.nodeType === Node.TEXT_NODE) {
    translateTextNode(root);
    return;
  }
  if (root.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  translateElement(root);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) {
      translateTextNode(node);
    } else {
      translateElement(node);
    }
  }
}

// A replaced text never matches an English pattern again, so the observer cannot loop.
new MutationObserver((mutations) => {
  mutations.forEach((mutation) => {
    if (mutation.type === 'childList') {
      mutation.addedNodes.forEach(translateTree);
    } else {
      translateTree(mutation.target);
    }
  });
}).observe(document.documentElement, {
  subtree: true,
  childList: true,
  characterData: true,
  attributes: true,
  attributeFilter: ATTRIBUTES
});
