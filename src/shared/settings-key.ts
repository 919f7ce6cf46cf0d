/** The storage.local key of the settings, on its own: the content script watches it without loading the schema. */
export const SETTINGS_KEY = 'settings';
