// eDialog: the officials' tasklist speaks Vietnamese and writes dates day first (docs/adr/014).
// Only "vi" is offered, so every browser gets Vietnamese whatever its own language; add "en" to availableLocales to
// let English browsers have the English labels (labels vi.json does not translate fall back to the key name).
// Times are the browser's local time (Camunda 7 bundles no moment-timezone); the forms show due dates formatted by
// the server at Asia/Ho_Chi_Minh.
export default {
  app: {
    name: 'Công việc',
    vendor: 'eDialog'
  },
  locales: {
    availableLocales: ['vi'],
    fallbackLocale: 'vi'
  },
  dateFormat: {
    monthName: 'MM/YYYY',
    day: 'DD',
    abbr: 'DD/MM/YYYY HH:mm',
    normal: 'DD/MM/YYYY HH:mm',
    long: 'dddd, DD/MM/YYYY HH:mm',
    short: 'DD/MM/YYYY'
  },
  disableWelcomeMessage: true,
  // Camunda's own shortcuts, kept as its default config.js has them.
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: 'Nhận công việc đang chọn (claim)'},
    focusFilter: {key: 'ctrl+shift+f', description: 'Chuyển tới bộ lọc đầu tiên (first filter)'},
    focusList: {key: 'ctrl+alt+l', description: 'Chuyển tới công việc đầu tiên (first task)'},
    focusForm: {key: 'ctrl+alt+f', description: 'Chuyển tới ô nhập đầu tiên của biểu mẫu (first form field)'},
    startProcess: {key: 'ctrl+alt+p', description: 'Mở hộp thoại bắt đầu quy trình (start process)'}
  }
};
