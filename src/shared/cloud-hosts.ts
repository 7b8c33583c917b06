// The Graph and login hosts of every national cloud: the only ones the production build's
// Content-Security-Policy lets the page reach, so config.json may name only these (or localhost, for
// development and the end-to-end tests). Plain data without imports, so vite.config.ts, which builds
// that policy, can take its lists from here.
export const graphHosts = [
  'https://graph.microsoft.com',
  'https://graph.microsoft.us',
  'https://dod-graph.microsoft.us',
  'https://microsoftgraph.chinacloudapi.cn',
] as const;

export const loginHosts = [
  'https://login.microsoftonline.com',
  'https://login.microsoftonline.us',
  'https://login.chinacloudapi.cn',
] as const;
