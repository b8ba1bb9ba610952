/** Set by vite.config.ts at build time. */
/** False in a kill-switch build (COURSE_SERVICE_WORKER=remove): the app registers no service worker. */
declare const __COURSE_SERVICE_WORKER__: boolean;
