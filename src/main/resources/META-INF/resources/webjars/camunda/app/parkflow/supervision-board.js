/*
 * Parkflow Cockpit plugin: 督查看板. A summary on the Cockpit dashboard, a menu entry and a route of
 * its own (#/supervision) with the overview, the overdue list, on-time rates, indicators (Apache
 * ECharts from the org.webjars.npm:echarts webjar) and the case page; every list exports to .xlsx.
 * Data from our API (/api/supervision/**, /api/indicators) with the Cockpit login session. A plain
 * ES module: no build step. The server decides who sees what; this page only shows it.
 */

import { contextRoot, element as el, shanghai, problemText as problem } from './common.js';
const ECHARTS = '/webjars/echarts/5.3.1/dist/echarts.esm.min.js';
const COLOURS = { BLUE: { label: '蓝', css: '#1f5fa8' }, YELLOW: { label: '黄', css: '#e0a800' }, RED: { label: '红', css: '#c62828' } };
const VIEWS = [['overview', '概览'], ['overdue', '逾期清单'], ['on-time', '按期办结率'], ['indicators', '指标']];
const SORTS = { caseNumber: '案件编号', process: '流程', department: '部门', due: '办理期限', overdue: '逾期工作日', colour: '颜色' };

const STYLE = `
.parkflow-board { padding: 10px 20px; font-size: 14px; }
.parkflow-board h1 { font-size: 22px; margin: 4px 0 12px; }
.parkflow-board h2 { font-size: 18px; }
.parkflow-section h3 { font-size: 16px; margin: 16px 0 8px; }
.parkflow-columns { display: flex; gap: 24px; flex-wrap: wrap; }
.parkflow-columns > .parkflow-section { flex: 1 1 420px; min-width: 0; }
.parkflow-filters { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; margin: 12px 0; }
.parkflow-filter { display: flex; gap: 6px; align-items: center; font-weight: normal; margin: 0; }
.parkflow-filter select { width: auto; }
.parkflow-badge { display: inline-block; min-width: 22px; padding: 1px 6px; border-radius: 3px; color: #fff; text-align: center; }
.parkflow-count { display: inline-block; min-width: 28px; margin: 0 4px; font-weight: bold; }
.parkflow-blue { color: #1f5fa8; } .parkflow-yellow { color: #b38600; } .parkflow-red { color: #c62828; }
.parkflow-note { color: #555; }
.parkflow-export-status { color: #2e7d32; }
.parkflow-table td, .parkflow-table th { white-space: nowrap; }
.parkflow-table td:nth-child(3) { white-space: normal; }
.parkflow-dashboard { padding: 10px 0; font-size: 15px; }
`;

if (!document.getElementById('parkflow-supervision-style')) {
  document.head.append(Object.assign(document.createElement('style'), { id: 'parkflow-supervision-style', textContent: STYLE }));
}

function params() {
  const query = location.hash.includes('?') ? location.hash.substring(location.hash.indexOf('?') + 1) : '';
  return new URLSearchParams(query);
}

function link(values) {
  const query = new URLSearchParams(Object.entries(values).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  return `#/supervision?${query}`;
}

function caseLink(number) {
  return el('a', { href: link({ view: 'case', number }), class: 'parkflow-case-link' }, number);
}

function badge(colour) {
  const known = COLOURS[colour];
  return known ? el('span', { class: 'parkflow-badge', style: `background:${known.css}` }, known.label) : '';
}

function overdueText(days) {
  if (days > 0) {
    return `逾期 ${days} 个工作日`;
  }
  return days === 0 ? '今日已届满' : `剩 ${-days} 个工作日`;
}

function client(api) {
  const root = contextRoot(api);
  const headers = { 'X-XSRF-TOKEN': api.CSRFToken };
  return {
    async json(path) {
      const response = await fetch(root + path, { credentials: 'same-origin', headers });
      if (!response.ok) {
        throw new Error(await problem(response));
      }
      return response.json();
    },
    /** Downloads an export and says so on the page (the file name comes from the server). */
    async download(path, status) {
      const response = await fetch(root + path, { credentials: 'same-origin', headers });
      if (!response.ok) {
        status.textContent = await problem(response);
        return;
      }
      const disposition = response.headers.get('Content-Disposition') || '';
      const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition);
      const name = encoded ? decodeURIComponent(encoded[1]) : 'export.xlsx';
      const blob = await response.blob();
      const anchor = el('a', { href: URL.createObjectURL(blob), download: name });
      document.body.append(anchor);
      anchor.click();
      anchor.remove();
      status.textContent = `已导出：${name}`;
    },
    root
  };
}

function table(headers, rows, attributes = {}) {
  return el('table', { class: 'table table-condensed table-hover parkflow-table', ...attributes },
    el('thead', {}, el('tr', {}, headers.map((h) => (h instanceof Node ? h : el('th', {}, h))))),
    el('tbody', {}, rows.length === 0
      ? el('tr', {}, el('td', { colspan: headers.length, class: 'parkflow-empty' }, '暂无数据'))
      : rows.map((cells) => el('tr', {}, cells.map((c) => el('td', {}, c))))));
}

function exportButton(http, path, label = '导出 Excel') {
  const status = el('span', { class: 'parkflow-export-status', role: 'status' });
  const button = el('button', { type: 'button', class: 'btn btn-default btn-sm parkflow-export',
    onclick: () => http.download(path, status) }, label);
  return el('span', {}, button, ' ', status);
}

function section(title, ...content) {
  return el('section', { class: 'parkflow-section' }, el('h3', {}, title), ...content);
}

async function overviewView(http, query) {
  const department = query.get('department') || '';
  const data = await http.json(`/api/supervision/overview${department ? `?department=${encodeURIComponent(department)}` : ''}`);
  const stages = table(['流程', '阶段', '在办件数'], data.openCases.map((row) => [row.processName, row.stageName,
    el('a', { href: link({ view: 'overdue', process: row.processKey }) }, String(row.cases))]));
  const colours = table(['部门', '蓝', '黄', '红'], data.colours.map((row) => [
    el('a', { href: link({ view: 'overdue', department: row.department }) }, row.departmentName),
    ...['BLUE', 'YELLOW', 'RED'].map((c) => el('a', { href: link({ view: 'overdue', department: row.department, colour: c }),
      class: `parkflow-count parkflow-${c.toLowerCase()}` }, String(row[c.toLowerCase()])))]));
  return el('div', { class: 'parkflow-columns' },
    section('在办案件（按流程和阶段）', stages),
    section('预警（按部门）', colours, exportButton(http, `/api/supervision/overview.xlsx${department ? `?department=${encodeURIComponent(department)}` : ''}`)));
}

async function overdueView(http, query) {
  const filter = { department: query.get('department') || '', process: query.get('process') || '',
    colour: query.get('colour') || '', sort: query.get('sort') || 'overdue', order: query.get('order') || 'desc' };
  const search = new URLSearchParams(Object.entries(filter).filter(([, v]) => v)).toString();
  const [rows, overview] = await Promise.all([http.json(`/api/supervision/overdue?${search}`),
    http.json('/api/supervision/overview')]);
  const select = (name, label, options) => el('label', { class: 'parkflow-filter' }, label,
    el('select', { class: 'form-control input-sm', name,
      onchange: (event) => { location.hash = link({ view: 'overdue', ...filter, [name]: event.target.value }); } },
    el('option', { value: '' }, '全部'),
    options.map(([value, text]) => {
      const option = el('option', { value }, text);
      option.selected = value === filter[name];
      return option;
    })));
  const processes = [...new Map(overview.openCases.map((c) => [c.processKey, c.processName])).entries()];
  const departments = overview.colours.map((c) => [c.department, c.departmentName]);
  const header = (key) => {
    const active = filter.sort === key;
    const order = active && filter.order === 'desc' ? 'asc' : 'desc';
    return el('th', {}, el('a', { href: link({ view: 'overdue', ...filter, sort: key, order }), class: 'parkflow-sort' },
      SORTS[key] + (active ? (filter.order === 'desc' ? ' ▼' : ' ▲') : '')));
  };
  return el('div', {},
    el('div', { class: 'parkflow-filters' },
      select('department', '部门', departments), select('process', '流程', processes),
      select('colour', '颜色', Object.entries(COLOURS).map(([k, v]) => [k, v.label])),
      exportButton(http, `/api/supervision/overdue.xlsx?${search}`)),
    el('p', { class: 'parkflow-note' }, `共 ${rows.length} 项：已逾期或 3 个工作日内到期的办理环节和法定时限。`),
    table([header('caseNumber'), header('process'), '环节', header('department'), '承办人', header('due'),
      header('overdue'), header('colour')],
    rows.map((r) => [caseLink(r.caseNumber), r.processName, r.step, r.departmentName, r.assignee || '未签收',
      shanghai(r.due), overdueText(r.workingDaysOverdue), badge(r.colour)]), { id: 'parkflow-overdue' }));
}

async function onTimeView(http, query) {
  const days = query.get('days') || '90';
  const data = await http.json(`/api/supervision/on-time?days=${days}`);
  const percent = (p) => (p === null ? '—' : `${p}%`);
  return el('div', {},
    el('div', { class: 'parkflow-filters' }, ['30', '90', '365'].map((d) => el('a', {
      href: link({ view: 'on-time', days: d }), class: `btn btn-sm ${d === days ? 'btn-primary' : 'btn-default'}` }, `近 ${d} 天`)),
    exportButton(http, `/api/supervision/on-time.xlsx?days=${days}`)),
    el('div', { class: 'parkflow-columns' },
      section('按部门', table(['部门', '办结件数', '按期件数', '按期率'],
        data.byDepartment.map((r) => [r.departmentName, String(r.completed), String(r.onTime), percent(r.percent)]))),
      section('按环节', table(['部门', '流程', '环节', '办结件数', '按期率'],
        data.bySteps.map((r) => [r.departmentName, r.processName, r.step, String(r.completed), percent(r.percent)])))));
}

const QUARTERS = ['一季度', '二季度', '三季度', '四季度'];
const REGISTER_FIGURES = { HIGH_QUALITY_INCUBATORS: '高质量孵化器（登记数）', UPGRADED_INCUBATORS: '升级孵化器（登记数）' };

/** One small chart: the actual at each quarter's end as bars, the year's target as a dashed line. */
function quarterChart(echarts, name, unit, target, quarterly) {
  const node = el('div', { class: 'parkflow-indicator-chart', style: 'width:400px;height:230px' });
  const instance = echarts.init(node, null, { renderer: 'svg', width: 400, height: 230 });
  const series = [{ name: '实际', type: 'bar', barWidth: 28, itemStyle: { color: '#1f5fa8' },
    data: quarterly.map((v) => (v === null || v === undefined ? null : Number(v))),
    label: { show: true, position: 'top', fontSize: 11 } }];
  if (target !== null && target !== undefined) {
    series.push({ name: '目标', type: 'line', symbol: 'none', lineStyle: { type: 'dashed', color: '#c62828' },
      itemStyle: { color: '#c62828' }, data: QUARTERS.map(() => Number(target)) });
  }
  instance.setOption({
    title: { text: name, left: 'center', textStyle: { fontSize: 13 } },
    tooltip: { trigger: 'axis' },
    legend: { data: series.map((s) => s.name), bottom: 0 },
    grid: { left: 56, right: 16, top: 34, bottom: 46 },
    xAxis: { type: 'category', data: QUARTERS },
    yAxis: { type: 'value', name: unit || '' },
    series
  });
  return node;
}

async function indicatorsView(http) {
  const year = new Date().getFullYear();
  let indicators = [];
  try {
    indicators = await http.json(`/api/indicators?year=${year}`);
  } catch (notAvailable) {
    indicators = [];
  }
  const echarts = await import(http.root + ECHARTS);
  const charts = el('div', { id: 'parkflow-indicator-chart', class: 'parkflow-indicator-charts',
    style: 'display:flex;flex-wrap:wrap;gap:8px' });
  if (indicators.length > 0) {
    indicators.forEach((i) => charts.append(quarterChart(echarts, i.name, i.unit, i.target, i.quarterly || [])));
    return el('div', {},
      el('p', { class: 'parkflow-note' }, `${year} 年指标：各季度末实际值（柱）与全年目标（虚线）。`), charts,
      table(['指标', '单位', '目标', '实际', '进度', '最近报送'], indicators.map((i) => [i.name, i.unit,
        String(i.target ?? '—'), String(i.actual ?? '—'), i.progressPercent === null ? '—' : `${i.progressPercent}%`,
        i.lastReportedQuarter ? `第 ${i.lastReportedQuarter} 季度` : (i.source === 'REGISTER' ? '登记册' : '未报送')])));
  }
  // before the year's key-task list exists: what the registers already count
  const figures = await http.json(`/api/supervision/figures?year=${year}`);
  figures.forEach((f) => charts.append(quarterChart(echarts, REGISTER_FIGURES[f.code] || f.code, '家', null, f.quarterly)));
  return el('div', {},
    el('p', { class: 'parkflow-note', id: 'parkflow-indicator-fallback' },
      `${year} 年重点任务清单尚未建立，暂按登记册显示：各季度末的孵化器登记数。`), charts);
}

async function caseView(http, query) {
  const number = query.get('number');
  const data = await http.json(`/api/supervision/cases/${encodeURIComponent(number)}`);
  const r = data.record;
  const clock = data.clock;
  const parts = [
    el('h2', {}, `案件 ${r.number}：${r.title}`),
    data.restricted ? el('p', { class: 'alert alert-warning' }, '本部门仅曾承办此案的部分环节：申请人、案件材料和邮件不予显示。') : '',
    table(['承办部门', '申请人', '状态', '立案时间', '办结时间', '法定期限'], [[data.departmentName || r.department,
      r.applicantOrganisation || (data.restricted ? '（不予显示）' : '—'), data.statusName || r.status, shanghai(r.openedAt),
      shanghai(r.closedAt), shanghai(r.deadline && r.deadline.current)]]),
    section('当前环节', table(['环节', '承办部门（组）', '承办人', '办理期限', '状态'], data.openSteps.map((s) => [s.step,
      (s.groupNames || s.groups).join('、'), s.assignee || '未签收', shanghai(s.due),
      el('span', {}, s.workingDaysOverdue === null ? '—' : overdueText(s.workingDaysOverdue), ' ', badge(s.colour))]))),
    section('法定时限', clock ? el('div', {},
      table(['时限', '起算', '原定届满', '当前届满', '暂停', '延长'], [[`${clock.limit} ${clock.unit === 'WORKING' ? '个工作日' : '个自然日'}`,
        shanghai(clock.startedAt), shanghai(clock.originalDeadline), shanghai(clock.currentDeadline),
        clock.pauses.length === 0 ? '无' : clock.pauses.map((p) => `${p.reason}（${shanghai(p.pausedAt)} 起${p.resumedAt ? `，${shanghai(p.resumedAt)} 恢复，${p.days} 天不计` : '，暂停中'}）`).join('；'),
        clock.extensions.length === 0 ? '无' : clock.extensions.map((e) => `延长 ${e.days} 天（${e.approver} 批准：${e.reason}）`).join('；')]]))
      : el('p', {}, '本案未设法定时限。')),
    section('办理过程', table(['时间', '办理人', '事项', '结果'], data.timeline.map((t) => [shanghai(t.at), t.actorName, t.what,
      t.outcome || '']), { id: 'parkflow-timeline' }), exportButton(http, `/api/supervision/cases/${encodeURIComponent(number)}.xlsx`)),
    section('案件材料', table(['材料', '文件名', '文号', '上传人', '时间'], data.documents.map((d) => [d.kindLabel, d.fileName,
      d.documentNumber || '—', d.uploadedBy, shanghai(d.uploadedAt)]))),
    section('邮件记录', table(['收件人', '主题', '状态', '时间'], data.mails.map((m) => [m.recipient, m.subject, m.status,
      shanghai(m.sentAt || m.createdAt)])))];
  return el('div', { class: 'parkflow-case' }, parts);
}

const RENDERERS = { overview: overviewView, overdue: overdueView, 'on-time': onTimeView, indicators: indicatorsView, case: caseView };

async function renderBoard(node, { api }) {
  const http = client(api);
  const query = params();
  const view = RENDERERS[query.get('view')] ? query.get('view') : 'overview';
  const content = el('div', { class: 'parkflow-board-content' }, el('p', {}, '正在加载……'));
  node.replaceChildren(el('div', { class: 'parkflow-board' },
    el('h1', {}, '督查看板'),
    el('ul', { class: 'nav nav-tabs' }, VIEWS.map(([key, label]) => el('li', { class: key === view ? 'active' : '' },
      el('a', { href: link({ view: key }) }, label)))),
    content));
  try {
    content.replaceChildren(await RENDERERS[view](http, query));
  } catch (failure) {
    content.replaceChildren(el('p', { class: 'alert alert-danger' }, failure.message));
  }
}

async function renderDashboard(node, { api }) {
  const http = client(api);
  try {
    const data = await http.json('/api/supervision/overview');
    const sum = (key) => data.colours.reduce((total, row) => total + row[key], 0);
    node.replaceChildren(el('section', { class: 'parkflow-dashboard' },
      el('h3', {}, el('a', { href: link({ view: 'overview' }) }, '督查看板')),
      el('p', {}, '在办案件 ', el('strong', {}, String(data.openCases.reduce((t, r) => t + r.cases, 0))), ' 件；预警：',
        ...['BLUE', 'YELLOW', 'RED'].map((c) => el('a', { href: link({ view: 'overdue', colour: c }),
          class: `parkflow-count parkflow-${c.toLowerCase()}` }, `${COLOURS[c].label} ${sum(c.toLowerCase())}`)))));
  } catch (notForThisUser) {
    node.replaceChildren();
  }
}

export default [{
  id: 'parkflow.supervisionDashboard',
  pluginPoint: 'cockpit.dashboard',
  priority: 20,
  render: renderDashboard,
  properties: { label: '督查看板' }
}, {
  id: 'parkflow.supervisionNavigation',
  pluginPoint: 'cockpit.navigation',
  priority: 10,
  properties: { path: '/supervision', pagePath: '#/supervision', label: '督查看板',
    checkActive: (path) => path.includes('#/supervision') }
}, {
  id: 'parkflow.supervisionRoute',
  pluginPoint: 'cockpit.route',
  properties: { path: '/supervision', label: '督查看板' },
  render: renderBoard
}];
