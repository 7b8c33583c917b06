// The frame around every screen: header (product, demo label, account), navigation, main area.
import {
  Badge,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Tab,
  TabList,
  Text,
  tokens,
  Tooltip,
} from '@fluentui/react-components';
import {
  ArchiveRegular,
  ArrowImportRegular,
  ArrowCounterclockwiseRegular,
  ArrowTrendingLinesRegular,
  BranchForkRegular,
  DocumentBulletListRegular,
  GridRegular,
  HistoryRegular,
  SettingsRegular,
  ShieldTaskRegular,
  ShieldErrorRegular,
  ShieldKeyholeRegular,
  SplitVerticalRegular,
} from '@fluentui/react-icons';
import { memo, useRef, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useWriteAccess } from '../../session/write-access';
import { AccountMenu, type DemoControls } from './account-menu';
import { useFocusRescue } from './use-focus-rescue';
import { paths } from '../../shared/routes/paths';

const useStyles = makeStyles({
  root: { display: 'grid', gridTemplateRows: 'auto 1fr', gridTemplateColumns: '220px 1fr', minHeight: '100vh' },
  header: {
    gridColumn: '1 / 3',
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXL}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  brand: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  product: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  nav: { borderRight: `1px solid ${tokens.colorNeutralStroke2}`, padding: tokens.spacingVerticalM },
  main: { padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXL}`, minWidth: 0 },
  readOnly: { marginBottom: tokens.spacingVerticalL },
});

// The header and the navigation are memoised: the address changes with every search or filter
// written to it (the policies list writes its search after a pause in typing), which re-renders
// the shell; they change only with the account or the section.
const ShellHeader = memo(function ShellHeader({ demo }: { demo?: DemoControls }) {
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <div className={styles.brand}>
        <img src="/favicon.svg" alt="" width={24} height={24} />
        <Text className={styles.product}>Gatehouse</Text>
        {demo && (
          <Tooltip content="An emulated Microsoft Graph tenant running in your browser" relationship="description">
            <Badge appearance="filled" color="important">
              Demo tenant
            </Badge>
          </Tooltip>
        )}
      </div>
      <AccountMenu demo={demo} />
    </header>
  );
});

// It is given `navigate` rather than calling useNavigate: the hook reads React Router's route
// context, which changes with every navigation and would re-render it past the memo.
const MainNav = memo(function MainNav({ section, navigate }: { section: string; navigate: (to: string) => void }) {
  const styles = useStyles();
  return (
    <nav className={styles.nav} aria-label="Main">
      <TabList vertical selectedValue={section} onTabSelect={(_, data) => navigate(String(data.value))}>
        <Tab value={paths.policies} icon={<DocumentBulletListRegular />}>
          Policies
        </Tab>
        <Tab value={paths.lint} icon={<ShieldTaskRegular />}>
          Lint
        </Tab>
        <Tab value={paths.deleted} icon={<ArrowCounterclockwiseRegular />}>
          Deleted policies
        </Tab>
        <Tab value={paths.compare()} icon={<SplitVerticalRegular />}>
          Compare
        </Tab>
        <Tab value={paths.history} icon={<HistoryRegular />}>
          Change history
        </Tab>
        <Tab value={paths.backup} icon={<ArchiveRegular />}>
          Backup
        </Tab>
        <Tab value={paths.import} icon={<ArrowImportRegular />}>
          Import
        </Tab>
        <Tab value={paths.whatIf()} icon={<BranchForkRegular />}>
          What if
        </Tab>
        <Tab value={paths.rollout()} icon={<ArrowTrendingLinesRegular />}>
          Rollout
        </Tab>
        <Tab value={paths.templates} icon={<GridRegular />}>
          Templates
        </Tab>
        <Tab value={paths.emergencyAccess} icon={<ShieldKeyholeRegular />}>
          Emergency access
        </Tab>
        <Tab value={paths.contingency} icon={<ShieldErrorRegular />}>
          Contingency
        </Tab>
        <Tab value={paths.settings} icon={<SettingsRegular />}>
          Settings
        </Tab>
      </TabList>
    </nav>
  );
});

export function AppShell({ demo, children }: { demo?: DemoControls; children: ReactNode }) {
  const styles = useStyles();
  // The section is the first step of the path: /policies/123/edit is under Policies.
  const section = `/${useLocation().pathname.split('/')[1] || 'policies'}`;
  const navigate = useNavigate();
  const write = useWriteAccess();
  const main = useRef<HTMLElement>(null);
  useFocusRescue(main);
  return (
    <div className={styles.root}>
      <ShellHeader demo={demo} />
      <MainNav section={section} navigate={navigate} />
      <main className={styles.main} id="main" ref={main}>
        {!write.allowed && (
          <MessageBar intent="info" className={styles.readOnly}>
            <MessageBarBody>
              <MessageBarTitle>Read-only</MessageBarTitle>
              {write.reason}
            </MessageBarBody>
          </MessageBar>
        )}
        {children}
      </main>
    </div>
  );
}
