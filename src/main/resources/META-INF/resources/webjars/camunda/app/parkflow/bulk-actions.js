/*
 * Parkflow Tasklist plugin: 批量操作. A button in the Tasklist header opens the caller's department
 * queue with checkboxes; the selected tasks are claimed, assigned to a colleague of the department,
 * or completed with the same decision where the step declares itself bulk-completable (the decision
 * is asked once, with the input fields of the step's form, for the selected tasks of that step). The server
 * (/api/task-bulk) does each task on its own, runs the form rules on each completion and audits
 * each; this panel shows one result per task. A plain ES module: no build step.
 */

import { contextRoot, element as el, shanghai } from './common.js';

async function call(api, path, body) {
  const response = await fetch(contextRoot(api) + path, {
    method: body ? 'POST' : 'GET', credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': api.CSRFToken },
    body: body ? JSON.stringify(body) : undefined
  });
  const data = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(data.detail || `请求未成功（${response.status}）`);
  }
  return data;
}

/** The inputs of a bulk-completable step's decision: the input fields of its form, asked once. */
function decisionInputs(fields) {
  return fields.map((field) => {
    const id = `parkflow-bulk-field-${field.key}`;
    const label = `${field.label}${field.required ? '*' : ''}`;
    const options = Object.entries(field.options || {});
    if (field.type === 'checkbox') {
      return el('label', { class: 'parkflow-bulk-field checkbox-inline' },
        el('input', { type: 'checkbox', id, 'data-key': field.key, 'data-type': field.type }), ` ${label}`);
    }
    const input = options.length > 0
      ? el('select', { class: 'form-control input-sm', id, 'data-key': field.key, 'data-type': field.type },
        el('option', { value: '' }, '请选择'), options.map(([value, text]) => el('option', { value }, text)))
      : el(field.type === 'textarea' ? 'textarea' : 'input', { class: 'form-control input-sm', id, 'data-key': field.key,
        'data-type': field.type, type: field.type === 'number' ? 'number' : 'text' });
    return el('label', { class: 'parkflow-bulk-field', for: id }, label, input);
  });
}

/** The decision as the step's form would submit it: a checkbox as true/false, a number as a number. */
function decisionValues(container) {
  const values = {};
  container.querySelectorAll('[data-key]').forEach((input) => {
    const type = input.getAttribute('data-type');
    if (type === 'checkbox') {
      values[input.getAttribute('data-key')] = input.checked;
    } else if (input.value !== '') {
      values[input.getAttribute('data-key')] = type === 'number' ? Number(input.value) : input.value;
    }
  });
  return values;
}

async function openPanel(api) {
  document.getElementById('parkflow-bulk')?.remove();
  const results = el('div', { id: 'parkflow-bulk-results', role: 'status' });
  const body = el('div', {}, '正在加载……');
  const panel = el('div', { id: 'parkflow-bulk', class: 'parkflow-bulk', role: 'dialog', 'aria-label': '批量操作' },
    el('div', { class: 'parkflow-bulk-head' }, el('strong', {}, '批量操作：本部门待办'),
      el('button', { type: 'button', class: 'close', 'aria-label': '关闭', onclick: () => panel.remove() }, '×')),
    body, results);
  document.body.append(panel);
  const [queue, colleagues] = await Promise.all([call(api, '/api/task-bulk/queue'), call(api, '/api/task-bulk/colleagues')]);
  const decision = el('div', { id: 'parkflow-bulk-decision', class: 'parkflow-bulk-decision' });
  const showDecision = () => {
    const chosen = queue.filter((task, i) => boxes[i].checked && task.bulkCompletable);
    const step = chosen.length > 0 ? chosen[0] : null;
    decision.replaceChildren(...(step && step.decision.length > 0
      ? [el('strong', {}, `「${step.step}」的办理决定（所选任务相同）：`), ...decisionInputs(step.decision)] : []));
  };
  const boxes = queue.map((task) => el('input', { type: 'checkbox', value: task.taskId, 'data-step': task.step,
    onchange: showDecision }));
  const colleague = el('select', { class: 'form-control input-sm', id: 'parkflow-bulk-colleague' },
    el('option', { value: '' }, '选择同事'), colleagues.map((c) => el('option', { value: c.id }, `${c.name}（${c.id}）`)));
  const act = async (action) => {
    const taskIds = boxes.filter((box) => box.checked).map((box) => box.value);
    if (taskIds.length === 0) {
      results.replaceChildren(el('p', { class: 'text-warning' }, '请先勾选任务'));
      return;
    }
    try {
      const answer = await call(api, `/api/task-bulk/${action}`, { taskIds, assignee: colleague.value || null,
        variables: action === 'complete' ? decisionValues(decision) : {} });
      results.replaceChildren(el('table', { class: 'table table-condensed' },
        el('thead', {}, el('tr', {}, ['案件编号', '环节', '结果'].map((h) => el('th', {}, h)))),
        el('tbody', {}, answer.map((r) => el('tr', { class: r.ok ? 'success' : 'danger' },
          el('td', {}, r.caseNumber || '—'), el('td', {}, r.step || r.taskId),
          el('td', {}, `${r.ok ? '成功' : '未成功'}：${r.message}`))))));
    } catch (failure) {
      results.replaceChildren(el('p', { class: 'text-danger' }, failure.message));
    }
  };
  body.replaceChildren(
    el('table', { class: 'table table-condensed table-hover' },
      el('thead', {}, el('tr', {}, ['', '案件编号', '环节', '承办人', '办理期限', '可批量办理'].map((h) => el('th', {}, h)))),
      el('tbody', {}, queue.length === 0 ? el('tr', {}, el('td', { colspan: 6 }, '本部门暂无待办'))
        : queue.map((task, i) => el('tr', {}, el('td', {}, boxes[i]), el('td', {}, task.caseNumber || '—'),
          el('td', {}, task.step), el('td', {}, task.assignee || '未签收'), el('td', {}, shanghai(task.due)),
          el('td', {}, task.bulkCompletable ? '是' : '否'))))),
    decision,
    el('div', { class: 'parkflow-bulk-actions' },
      el('button', { type: 'button', class: 'btn btn-default', onclick: () => act('claim') }, '签收'),
      colleague,
      el('button', { type: 'button', class: 'btn btn-default', onclick: () => act('assign') }, '转办'),
      el('button', { type: 'button', class: 'btn btn-primary', onclick: () => act('complete') }, '同一决定办理')));
}

const STYLE = `
.parkflow-bulk { position: fixed; top: 60px; left: 50%; transform: translateX(-50%); width: min(1000px, 95vw);
  max-height: 80vh; overflow: auto; z-index: 2000; background: #fff; border: 1px solid #ccc; border-radius: 4px;
  box-shadow: 0 6px 24px rgba(0,0,0,.25); padding: 12px 16px; }
.parkflow-bulk-head { display: flex; justify-content: space-between; margin-bottom: 8px; font-size: 16px; }
.parkflow-bulk-actions { display: flex; gap: 8px; align-items: center; }
.parkflow-bulk-actions select { width: auto; }
.parkflow-bulk-decision { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; margin: 8px 0; }
.parkflow-bulk-field { display: flex; gap: 6px; align-items: center; font-weight: normal; margin: 0; }
.parkflow-bulk-field input[type=text], .parkflow-bulk-field select { width: 180px; }
`;

export default {
  id: 'parkflow.bulkActions',
  pluginPoint: 'tasklist.navbar.action',
  priority: 50,
  render: (node, { api }) => {
    if (!document.getElementById('parkflow-bulk-style')) {
      document.head.append(Object.assign(document.createElement('style'), { id: 'parkflow-bulk-style', textContent: STYLE }));
    }
    node.replaceChildren(el('a', { href: '', id: 'parkflow-bulk-open', role: 'button',
      onclick: (event) => { event.preventDefault(); openPanel(api); } }, '批量操作'));
  }
};
