// One notice above the policy list: the plan's name (isolated) and what it needs, with a link that
// leads the focus to that plan's card. Shared by the not-ready notice and the switched one.
import { Link, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useNavigate } from 'react-router';
import { paths } from '../../shared/routes/paths';
import { Isolated, isolatedText } from '../../shared/ui/isolated-text';

export interface Notice {
  id: string;
  disruption: string;
  intent: 'warning' | 'error';
  /** After the plan's name (isolated) in the title. */
  title: string;
  text: string;
}

export function NoticeBar({ notice }: { notice: Notice }) {
  const navigate = useNavigate();
  return (
    <MessageBar intent={notice.intent} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>
          <Isolated>{notice.disruption}</Isolated>: {notice.title}
        </MessageBarTitle>
        {notice.text} {/* Named for its plan (two notices had two links of one name), and the plan's card takes the focus there. */}
        <Link
          href={paths.contingency}
          aria-label={`Open the contingency plans at ${isolatedText(notice.disruption)}`}
          onClick={(event) => {
            event.preventDefault();
            navigate(paths.contingency, { state: { plan: notice.id } });
          }}
        >
          Open the contingency plans
        </Link>
      </MessageBarBody>
    </MessageBar>
  );
}
