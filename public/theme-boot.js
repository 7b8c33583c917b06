// Before the first paint: the theme the admin chose in Gatehouse (kept by the app under
// "gatehouse.theme"), so the loading screen is already light or dark as the app will be. A file of
// its own because the Content-Security-Policy allows no inline script. "system" leaves it to CSS.
try {
  var choice = localStorage.getItem('gatehouse.theme');
  if (choice === 'light' || choice === 'dark') document.documentElement.setAttribute('data-theme', choice);
} catch {
  // Storage blocked: the system's preference applies.
}
