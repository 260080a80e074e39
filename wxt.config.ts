import { defineConfig } from 'wxt';

// Firefox is built as MV2 on purpose (WXT's default for it): there `<all_urls>` is granted at install time, so
// tabs.captureVisibleTab works from the first click without a runtime host-permission prompt.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'id',
    permissions: ['storage', 'unlimitedStorage', 'contextMenus', 'scripting'],
    commands: {
      'flag-post': {
        suggested_key: { default: 'Alt+Shift+F' },
        description: '__MSG_commandFlag__',
      },
    },
    host_permissions: ['<all_urls>'],
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'netra@bawaslu.example',
              strict_min_version: '140.0',
              // Findings stay on the device; only the officer's own export sends anything.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  // The sources zip (for Firefox add-on review) holds the project, not test output or measurements.
  zip: { excludeSources: ['artifacts/**', 'tests/demo/**'] },
  vite: () => ({
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: { target: 'es2022' },
  }),
});
