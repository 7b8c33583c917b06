// The window widths the layout changes at, as Griffel media keys.

/** A laptop's split screen: the navigation shows icons only, forms take one column. */
export const NARROW = '@media (max-width: 1023px)';

/** A phone, or a desktop zoomed to 400 % (320 CSS pixels): every page reflows with no sideways scroll. */
export const SMALL = '@media (max-width: 640px)';
