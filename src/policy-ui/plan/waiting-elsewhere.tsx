// An unfinished run this device journalled for another action than the one on screen. On another page
// it says where it resumes, with a link; on this very page (a contingency switch stopped half way, then
// Switch back pressed) a link to here would lead nowhere, so it says the run is this page's other action.
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { Link, useLocation } from 'react-router';
import { writtenCount, type ApplyRun } from '../../operations/apply-plan';

const pathOf = (path: string) => new URL(path, 'http://page.invalid').pathname;

export function WaitingElsewhere({ run, targetName }: { run: ApplyRun; targetName: string }) {
  const location = useLocation();
  const written = writtenCount(run);
  const here = !!run.origin && pathOf(run.origin.path) === location.pathname;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>An unfinished run waits: {run.origin?.label}</MessageBarTitle>
        {written} of {run.items.length} written to {targetName}.{' '}
        {here ? (
          'It is another action of this page: go on with it from its own button here, or write this plan and it is forgotten (it can no longer be resumed).'
        ) : (
          <>
            It resumes on its own page; {run.origin ? <Link to={run.origin.path}>open it there</Link> : 'open it there'}. Writing a plan
            here forgets it.
          </>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
