// Where documentation from a backup file is made with no one signed in: the sign-in page links
// here, and the app shows the (lazily loaded) page here instead of the sign-in page.
export const DOCUMENTATION_PATH = '/documentation';

/** The Backup page's Documentation section, an entry of its own in the main navigation: the page's fragment. */
export const DOCUMENTATION_SECTION = 'documentation';
