/*
 * Parkflow override of Camunda Tasklist's scripts/config.js (webjar 7.24.0).
 * It replaces the webjar's file, so the webjar's own settings (the keyboard shortcuts) are
 * repeated here. Chinese first ('zh' = primary language subtag of zh-CN, zh-TW, ...), English
 * as the fallback for browsers that ask for anything else.
 */
export default {
  app: {
    name: '· 任务中心',
    vendor: '园区案件管理 · Parkflow'
  },
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'en'
  },
  // ../parkflow/parkflow-zh: dates as YYYY-MM-DD HH:mm, Chinese moment locale, Chinese texts for
  // what has no translation key (Camunda Forms validation messages, a few literal template texts)
  // ../parkflow/statutory-clock: the 法定时限 tab of a task (the case's clock, extension requests)
  // ../parkflow/case-documents: the 材料 tab of a task (the case's documents, uploads of the step's kinds)
  // ../parkflow/case-number: after a start, the new case's number with a link to its page in 我的案件
  // ../parkflow/authorized-actions: 新建任务 only for whoever the engine allows to create tasks
  // ../parkflow/task-actions: the 审批操作 tab (审批意见, 转办, 退回, 委派, 加签) and the 已办 list with 撤回
  //   ... and 催办, 抄送 in that tab, 我发起的 and 抄送我的 in the header; the task list reloads after an action
  // ../parkflow/bulk-actions: 批量操作 in the header (claim, assign, complete several tasks of the queue)
  customScripts: ['../parkflow/parkflow-zh', '../parkflow/statutory-clock', '../parkflow/case-documents',
    '../parkflow/case-number', '../parkflow/authorized-actions', '../parkflow/task-actions',
    '../parkflow/bulk-actions'],

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '认领当前选中的任务'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '将焦点移到第一个筛选器'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '将焦点移到任务列表的第一个任务'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: '将焦点移到任务表单的第一个输入框'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: '打开“发起流程”对话框'
    }
  }
};
