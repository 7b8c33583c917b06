// The MSAL v5 redirect bridge (redirect.html): popups, silent iframes and redirects land here;
// it hands the authorization response back to the console and closes or navigates home.
import { broadcastResponseToMainFrame } from '@azure/msal-browser/redirect-bridge';

void broadcastResponseToMainFrame().catch((error: unknown) => {
  document.body.textContent = `Sign-in could not be completed: ${error instanceof Error ? error.message : String(error)}`;
});
