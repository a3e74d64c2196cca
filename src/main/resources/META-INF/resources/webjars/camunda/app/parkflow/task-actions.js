/*
 * Parkflow Tasklist plugin: the approval actions Chinese officers expect (kernel approval).
 * - a 审批操作 tab beside each task: the 审批意见 of earlier steps and what was done to the case
 *   (退回 with its reason, 转办, 催办 …), and the actions the caller may take on the task
 *   (转办, 退回, 委派, 加签; giving back a 委派; answering a 加签; 催办 and 抄送 of its case), as the
 *   server says (/api/tasks/{id}/actions): applicants never get 转办/委派/加签/退回, supervisors only
 *   催办 and 抄送;
 * - 已办, 我发起的 and 抄送我的 in the header: my completed tasks (each with 撤回), the cases I started
 *   and the cases copied to me, with their status, current step and links (催办/抄送 where allowed).
 * After an action the task list reloads, and the open task closes when the task has left the caller.
 * Every action is checked again by the server; its Chinese refusal is shown as it comes.
 * A plain ES module: no build step.
 */

import { contextRoot, csrf, shanghai, element, problemText } from './common.js';

async function getJson(root, path) {
  const response = await fetch(`${root}${path}`, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  return response.ok ? { ok: true, body: await response.json() } : { ok: false, text: await problemText(response) };
}

async function post(root, api, path, body) {
  const response = await fetch(`${root}${path}`, {
    method: 'POST', credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': csrf(api) },
    body: JSON.stringify(body || {})
  });
  return response.ok ? { ok: true } : { ok: false, text: await problemText(response) };
}

/**
 * Reloads Tasklist's task list (it reloads on every change of the address's query) and, when the
 * task has left the caller (转办, 退回, 委派, 交回 …), closes it; a notice says what happened.
 */
function refreshTasklist(done, left) {
  const [path, query = ''] = location.hash.split('?');
  const params = new URLSearchParams(query);
  if (left) {
    params.delete('task');
    params.delete('detailsTab');
  }
  params.set('parkflowRefresh', String(Date.now()));
  location.hash = `${path || '#/'}?${params}`;
  document.getElementById('parkflow-action-notice')?.remove();
  const close = element('button', { type: 'button', class: 'close', 'aria-label': '关闭' }, '×');
  const notice = element('div', { id: 'parkflow-action-notice', role: 'status', class: 'alert alert-success',
    style: 'position:fixed;top:56px;right:16px;z-index:2100;max-width:420px' }, close, done);
  close.addEventListener('click', () => notice.remove());
  document.body.append(notice);
}

function message() {
  return element('p', { class: 'parkflow-action-message', role: 'status' });
}

function show(target, result, done) {
  target.textContent = result.ok ? done : result.text;
  target.className = `parkflow-action-message ${result.ok ? 'text-success' : 'text-danger'}`;
  target.scrollIntoView({ block: 'nearest' });
}

/** One action: its fields, a button, and the server's answer under it. */
function actionForm(id, title, fields, buttonText, send, after) {
  const status = message();
  const button = element('button', { type: 'button', class: 'btn btn-default', id: `parkflow-${id}-submit` }, buttonText);
  button.addEventListener('click', async () => {
    button.disabled = true;
    const values = Object.fromEntries(fields.map((f) => [f.name, f.input.value]));
    const result = await send(values);
    show(status, result, `${title}已完成。`);
    button.disabled = result.ok;
    if (result.ok && after) {
      after(`${title}已完成。`);
    }
  });
  return element('fieldset', { class: 'parkflow-action', id: `parkflow-${id}` },
    element('legend', {}, title),
    fields.map((f) => element('div', { class: 'form-group' },
      element('label', { for: `parkflow-${id}-${f.name}` }, f.label), f.input)),
    button, status);
}

function text(id, name, placeholder) {
  return element('input', { class: 'form-control', id: `${id}-${name}`, placeholder });
}

function area(id, name, placeholder) {
  return element('textarea', { class: 'form-control', rows: '2', maxlength: '500', id: `${id}-${name}`, placeholder });
}

function returnSelect(id, targets) {
  const select = element('select', { class: 'form-control', id: `${id}-step` });
  Object.entries(targets).forEach(([step, name]) => select.append(element('option', { value: step }, name)));
  return select;
}

function notesList(notes) {
  if (notes.length === 0) {
    return element('p', { class: 'text-muted' }, '暂无审批意见或操作记录。');
  }
  return element('table', { class: 'table table-condensed parkflow-notes' },
    element('thead', {}, element('tr', {}, element('th', {}, '时间'), element('th', {}, '环节'),
      element('th', {}, '办理人'), element('th', {}, '意见或操作'))),
    element('tbody', {}, notes.map((n) => element('tr', { class: `parkflow-note parkflow-note-${n.kind}` },
      element('td', {}, shanghai(n.at)), element('td', {}, n.step || '—'), element('td', {}, n.actor || '—'),
      element('td', {}, n.text)))));
}

/** 催办 of a case: the server refuses a second one on the same working day, and says so. */
function urgeForm(root, api, caseNumber, id, after) {
  const note = area(`parkflow-${id}`, 'message', '可不填，默认为“请尽快办理”');
  return actionForm(id, '催办', [{ name: 'message', label: '催办说明', input: note }], '催办',
    (v) => post(root, api, `/api/cases/${encodeURIComponent(caseNumber)}/urge`, { message: v.message }), after);
}

/** 抄送 of a case to a department (chosen from the list) or a person (by user name), with a reason. */
function copyForm(root, api, caseNumber, id, departments, after) {
  const field = `parkflow-${id}`;
  const kind = element('select', { class: 'form-control', id: `${field}-kind` },
    element('option', { value: 'department' }, '部门'), element('option', { value: 'person' }, '人员'));
  const department = element('select', { class: 'form-control', id: `${field}-department` },
    Object.entries(departments).map(([code, name]) => element('option', { value: code }, name)));
  const person = text(field, 'person', '工作人员的用户名，例如 amr-officer');
  person.style.display = 'none';
  kind.addEventListener('change', () => {
    department.style.display = kind.value === 'department' ? '' : 'none';
    person.style.display = kind.value === 'person' ? '' : 'none';
  });
  const to = element('div', { id: `${field}-to` }, department, person);
  to.value = '';
  const note = area(field, 'note', '抄送说明，例如：请知悉并配合核查');
  return actionForm(id, '抄送', [{ name: 'kind', label: '抄送给', input: kind }, { name: 'to', label: '部门或人员', input: to },
    { name: 'note', label: '抄送说明', input: note }], '抄送',
  (v) => post(root, api, `/api/cases/${encodeURIComponent(caseNumber)}/copies`,
    { to: v.kind === 'department' ? department.value : person.value.trim(), note: v.note }), after);
}

async function departments(root) {
  const result = await getJson(root, '/api/cases/copy-departments');
  return result.ok ? result.body : {};
}

async function taskForms(root, api, taskId, available, rerender) {
  const forms = [];
  const path = (action) => `/api/tasks/${encodeURIComponent(taskId)}/${action}`;
  const left = (done) => refreshTasklist(done, true);
  const stayed = (done) => {
    refreshTasklist(done, false);
    rerender();
  };
  if (available.handle) {
    const to = text('parkflow-transfer', 'to', '同部门同事的用户名，例如 stc-head');
    const reason = area('parkflow-transfer', 'reason', '例如：本人出差，请代为办理');
    forms.push(actionForm('transfer', '转办', [{ name: 'to', label: '转办给', input: to },
      { name: 'reason', label: '转办理由', input: reason }], '转办',
    (v) => post(root, api, path('transfer'), v), left));
    if (Object.keys(available.returnTargets).length > 0) {
      const step = returnSelect('parkflow-return', available.returnTargets);
      const why = area('parkflow-return', 'reason', '退回理由将显示给接收的办理人');
      forms.push(actionForm('return', '退回', [{ name: 'step', label: '退回到', input: step },
        { name: 'reason', label: '退回理由', input: why }], '退回', (v) => post(root, api, path('return'), v), left));
    }
    const delegateTo = text('parkflow-delegate', 'to', '同部门同事或评审专家的用户名');
    const delegateWhy = area('parkflow-delegate', 'reason', '请对方办理什么');
    forms.push(actionForm('delegate', '委派', [{ name: 'to', label: '委派给', input: delegateTo },
      { name: 'reason', label: '委派说明', input: delegateWhy }], '委派', (v) => post(root, api, path('delegate'), v), left));
    const people = text('parkflow-consult', 'people', '用户名，多人用逗号分隔');
    const question = area('parkflow-consult', 'question', '请就……提出意见');
    forms.push(actionForm('consult', '加签（征求意见）', [{ name: 'people', label: '征求谁的意见', input: people },
      { name: 'question', label: '征求意见事项', input: question }], '加签',
    (v) => post(root, api, path('consult'), { people: v.people.split(/[,，\s]+/).filter(Boolean), question: v.question }),
    stayed));
  }
  if (available.resolve) {
    const opinion = area('parkflow-resolve', 'opinion', '办理意见');
    forms.push(actionForm('resolve', '交回委派', [{ name: 'opinion', label: '办理意见', input: opinion }], '交回',
      (v) => post(root, api, path('resolve'), v), left));
  }
  if (available.answer) {
    const opinion = area('parkflow-answer', 'opinion', '您的意见');
    forms.push(actionForm('answer', '答复征求意见', [{ name: 'opinion', label: '意见', input: opinion }], '答复',
      (v) => post(root, api, path('answer'), v), left));
  }
  if (available.caseNumber && available.urge) {
    forms.push(urgeForm(root, api, available.caseNumber, 'urge', stayed));
  }
  if (available.caseNumber && available.copy) {
    forms.push(copyForm(root, api, available.caseNumber, 'copy', await departments(root), stayed));
  }
  return forms;
}

async function renderTask(node, { taskId, api }) {
  const root = contextRoot(api);
  node.replaceChildren(element('p', {}, '正在读取审批意见……'));
  const [notes, available] = await Promise.all([
    getJson(root, `/api/tasks/${encodeURIComponent(taskId)}/notes`),
    getJson(root, `/api/tasks/${encodeURIComponent(taskId)}/actions`)]);
  const panel = element('div', { class: 'parkflow-actions-panel' });
  panel.append(element('h4', {}, '审批意见与操作记录'),
    notes.ok ? notesList(notes.body) : element('p', { class: 'text-muted' }, notes.text));
  if (available.ok) {
    panel.append(...await taskForms(root, api, taskId, available.body, () => renderTask(node, { taskId, api })));
  }
  node.replaceChildren(panel);
}

function completedRow(root, api, item) {
  const status = message();
  const button = element('button', { type: 'button', class: 'btn btn-xs btn-default parkflow-withdraw' }, '撤回');
  button.addEventListener('click', async () => {
    button.disabled = true;
    const result = await post(root, api, `/api/tasks/completed/${encodeURIComponent(item.taskId)}/withdraw`);
    show(status, result, '已撤回，该环节已回到您的待办。');
    if (result.ok) {
      refreshTasklist('已撤回，该环节已回到您的待办。', false);
    }
  });
  return element('tr', { class: 'parkflow-completed-task' },
    element('td', {}, shanghai(item.completedAt)), element('td', {}, item.caseNumber || '—'),
    element('td', {}, item.process || '—'), element('td', {}, item.step), element('td', {}, item.outcome),
    element('td', {}, button, status));
}

async function showCompleted(root, api, overlay, page) {
  const size = 10;
  const result = await getJson(root, `/api/tasks/completed?page=${page}&size=${size}`);
  const body = element('div', { class: 'parkflow-completed-body' });
  if (!result.ok) {
    body.append(element('p', { class: 'text-danger' }, result.text));
  } else if (result.body.items.length === 0) {
    body.append(element('p', { class: 'text-muted' }, '暂无已办任务。'));
  } else {
    body.append(element('table', { class: 'table table-condensed' },
      element('thead', {}, element('tr', {}, ['办理时间', '案件编号', '事项', '环节', '办理结果', ''].map((h) => element('th', {}, h)))),
      element('tbody', {}, result.body.items.map((item) => completedRow(root, api, item)))));
    const pages = Math.max(1, Math.ceil(result.body.total / size));
    const previous = element('button', { type: 'button', class: 'btn btn-default btn-sm' }, '上一页');
    const next = element('button', { type: 'button', class: 'btn btn-default btn-sm' }, '下一页');
    previous.disabled = page === 0;
    next.disabled = page + 1 >= pages;
    previous.addEventListener('click', () => showCompleted(root, api, overlay, page - 1));
    next.addEventListener('click', () => showCompleted(root, api, overlay, page + 1));
    body.append(element('p', {}, `第 ${page + 1} / ${pages} 页，共 ${result.body.total} 项 `, previous, ' ', next));
  }
  overlay.querySelector('.parkflow-completed-body').replaceWith(body);
}

/** A list over the page (已办, 我发起的, 抄送我的), closed with ×. */
function overlay(id, title) {
  const close = element('button', { type: 'button', class: 'close', 'aria-label': '关闭' }, '×');
  const box = element('div', { id, role: 'dialog', 'aria-label': title, class: 'parkflow-overlay',
    style: 'position:fixed;top:60px;left:5%;right:5%;max-height:80vh;overflow:auto;z-index:2000;background:#fff;'
      + 'border:1px solid #ccc;box-shadow:0 4px 16px rgba(0,0,0,.3);padding:16px' },
  close, element('h3', {}, title), element('div', { class: 'parkflow-completed-body' }, '正在读取……'));
  close.addEventListener('click', () => box.remove());
  document.querySelectorAll('.parkflow-overlay').forEach((open) => open.remove());
  document.body.append(box);
  return box;
}

/** One case of 我发起的 or 抄送我的: number, title, status, current step, links, and 催办/抄送 where allowed. */
function caseRow(root, api, row, departmentNames) {
  const links = [element('a', { href: `${root}/portal/cases/${encodeURIComponent(row.number)}`, target: '_blank',
    class: 'parkflow-case-link' }, '查看案件')];
  if (row.myTaskId) {
    links.push(' ', element('a', { href: `#/?task=${encodeURIComponent(row.myTaskId)}`, class: 'parkflow-task-link' }, '办理'));
  }
  const actions = element('div', { class: 'parkflow-row-actions' });
  const offer = (label, make) => {
    const button = element('button', { type: 'button', class: `btn btn-xs btn-default parkflow-row-${label === '催办' ? 'urge' : 'copy'}` }, label);
    button.addEventListener('click', () => actions.replaceChildren(make()));
    return button;
  };
  const key = row.number.replace(/[^A-Za-z0-9-]/g, '');
  const buttons = [];
  if (row.urge) {
    buttons.push(offer('催办', () => urgeForm(root, api, row.number, `urge-${key}`)));
  }
  if (row.copy) {
    buttons.push(' ', offer('抄送', () => copyForm(root, api, row.number, `copy-${key}`, departmentNames)));
  }
  return element('tr', { class: 'parkflow-case-row', 'data-case': row.number },
    element('td', {}, row.number), element('td', {}, row.title || '—'), element('td', {}, row.status || '—'),
    element('td', {}, row.currentStep || '已无待办环节'), element('td', {}, links),
    element('td', {}, buttons, actions));
}

async function showCases(root, api, box, path, empty) {
  const [result, departmentNames] = await Promise.all([getJson(root, path), departments(root)]);
  const body = element('div', { class: 'parkflow-completed-body' });
  if (!result.ok) {
    body.append(element('p', { class: 'text-danger' }, result.text));
  } else if (result.body.length === 0) {
    body.append(element('p', { class: 'text-muted' }, empty));
  } else {
    body.append(element('table', { class: 'table table-condensed parkflow-cases' },
      element('thead', {}, element('tr', {}, ['案件编号', '名称', '状态', '当前环节', '链接', '操作'].map((h) => element('th', {}, h)))),
      element('tbody', {}, result.body.map((row) => caseRow(root, api, row, departmentNames)))));
  }
  box.querySelector('.parkflow-completed-body').replaceWith(body);
}

/** A link in Tasklist's header that opens one of the lists. */
function headerLink(id, text, title, open) {
  return (node, props = {}) => {
    const root = contextRoot(props.api);
    const link = element('a', { href: '', id, title }, text);
    link.addEventListener('click', (event) => {
      event.preventDefault();
      open(root, props.api);
    });
    node.replaceChildren(link);
  };
}

const renderCompleted = headerLink('parkflow-completed-link', '已办', '我已办理的任务',
  (root, api) => showCompleted(root, api, overlay('parkflow-completed', '已办任务'), 0));
const renderStarted = headerLink('parkflow-started-link', '我发起的', '我发起（含代为申报）的案件',
  (root, api) => showCases(root, api, overlay('parkflow-started', '我发起的案件'), '/api/cases/started-by-me?size=50',
    '暂无您发起的案件。'));
const renderCopied = headerLink('parkflow-copied-link', '抄送我的', '抄送给我或本部门的案件',
  (root, api) => showCases(root, api, overlay('parkflow-copied', '抄送我的案件'), '/api/cases/copied-to-me',
    '暂无抄送给您的案件。'));

export default [{
  id: 'parkflow.taskActions',
  pluginPoint: 'tasklist.task.detail',
  priority: 4,
  label: '审批操作',
  render: renderTask
}, {
  id: 'parkflow.completedTasks',
  pluginPoint: 'tasklist.navbar.action',
  priority: 12,
  render: renderCompleted
}, {
  id: 'parkflow.startedCases',
  pluginPoint: 'tasklist.navbar.action',
  priority: 11,
  render: renderStarted
}, {
  id: 'parkflow.copiedCases',
  pluginPoint: 'tasklist.navbar.action',
  priority: 10,
  render: renderCopied
}];
