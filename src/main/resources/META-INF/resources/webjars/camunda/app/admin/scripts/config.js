// eDialog: the officials' admin speaks Vietnamese and writes dates day first (docs/adr/014).
// Only "vi" is offered, so every browser gets Vietnamese whatever its own language; add "en" to availableLocales to
// let English browsers have the English labels (labels vi.json does not translate fall back to the key name).
// Times are the browser's local time (Camunda 7 bundles no moment-timezone); the forms show due dates formatted by
// the server at Asia/Ho_Chi_Minh.
export default {
  app: {
    name: 'Quản trị',
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
  disableWelcomeMessage: true
};
