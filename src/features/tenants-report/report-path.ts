// Where an all-tenant report of the command line is opened with no one signed in: the sign-in page
// links here, and the app shows the (lazily loaded) page instead of the sign-in page.
export const TENANTS_REPORT_PATH = '/tenants-report';
