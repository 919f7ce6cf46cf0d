/** The storage.local keys of the settings and of the corrupted-store notice, on their own: the content script watches them without loading the schema. */
export const SETTINGS_KEY = 'settings';
export const NOTICE_KEY = 'settingsNotice';
