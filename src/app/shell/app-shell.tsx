// The frame around every screen: a link to skip to the main area, header (product, demo label,
// account), navigation, main area.
import {
  Badge,
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Nav,
  NavItem,
  Text,
  tokens,
  Tooltip,
  useArrowNavigationGroup,
} from '@fluentui/react-components';
import {
  ArchiveRegular,
  ArrowImportRegular,
  ArrowCounterclockwiseRegular,
  ArrowTrendingLinesRegular,
  BookOpenRegular,
  BranchForkRegular,
  DismissRegular,
  DocumentBulletListRegular,
  GridRegular,
  HistoryRegular,
  SettingsRegular,
  ShieldTaskRegular,
  ShieldErrorRegular,
  ShieldKeyholeRegular,
  SplitVerticalRegular,
} from '@fluentui/react-icons';
import { memo, useRef, type MouseEvent, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useAuth } from '../../auth';
import { useWriteAccess } from '../../session/write-access';
import { AccountMenu, type DemoControls } from './account-menu';
import { chooseMisbehaviour, MisbehaviourBar } from './demo-misbehaviour';
import { AccountAddedBar, SwitchSaid } from './account-notices';
import { SignInNeededBar } from './sign-in-needed-bar';
import { useFocusRescue } from './use-focus-rescue';
import { focusOnce, useFocusOnNavigate } from './focus-on-navigate';
import { paths } from '../../shared/routes/paths';
import { DOCUMENTATION_SECTION } from '../../features/backup/documentation-path';
import { FollowOwnSaves } from '../../features/watch/follow-own-saves';
import { NARROW, SMALL } from '../../shared/ui/media';

const useStyles = makeStyles({
  root: {
    display: 'grid',
    gridTemplateRows: 'auto 1fr',
    gridTemplateColumns: '220px 1fr',
    minHeight: '100vh',
    // A narrow window (a laptop's split screen) keeps its width for the work: the navigation shows icons only.
    [NARROW]: { gridTemplateColumns: '60px 1fr' },
  },
  header: {
    gridColumn: '1 / 3',
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXL}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    [SMALL]: { gap: tokens.spacingHorizontalS, padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}` },
  },
  brand: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    minWidth: 0,
    [SMALL]: { gap: tokens.spacingHorizontalS },
  },
  badge: { whiteSpace: 'nowrap', flexShrink: 0 },
  product: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  nav: {
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    // The background Fluent's navigation items are drawn for (a drawer's).
    backgroundColor: tokens.colorNeutralBackground4,
    padding: tokens.spacingVerticalM,
    [NARROW]: { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXS}` },
  },
  main: {
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXL}`,
    minWidth: 0,
    [NARROW]: { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}` },
    // A field is never wider than the page: a native select is as wide as its longest option (a
    // policy's name), and in a flex row a field would not shrink below it.
    '& .fui-Field': { minWidth: 0, maxWidth: '100%' },
    '& .fui-Select': { maxWidth: '100%' },
    // Fluent's fields keep a least width of their own (a combobox 250 px): in a small window they
    // take the width there is instead of pushing the page sideways; tab lists wrap.
    [SMALL]: {
      padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalM}`,
      '& .fui-Combobox, & .fui-Dropdown, & .fui-SearchBox, & .fui-Input, & .fui-Select, & .fui-Textarea': {
        minWidth: 0,
        maxWidth: '100%',
      },
      '& .fui-TabList': { flexWrap: 'wrap', maxWidth: '100%' },
      '& .fui-Breadcrumb ol': { flexWrap: 'wrap' },
    },
  },
  icon: { fontSize: '20px' },
  label: {
    [NARROW]: {
      position: 'absolute',
      width: '1px',
      height: '1px',
      overflow: 'hidden',
      clip: 'rect(0 0 0 0)',
      whiteSpace: 'nowrap',
    },
  },
  readOnly: { marginBottom: tokens.spacingVerticalL },
  // Out of sight until the keyboard reaches it: the first Tab stop of every screen.
  skip: {
    position: 'absolute',
    top: tokens.spacingVerticalS,
    left: tokens.spacingHorizontalS,
    zIndex: 1000,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorBrandForegroundLink,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    transform: 'translateY(-200%)',
    ':focus': { transform: 'none' },
  },
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
            <Badge appearance="filled" color="important" className={styles.badge}>
              Demo tenant
            </Badge>
          </Tooltip>
        )}
      </div>
      <AccountMenu demo={demo} />
    </header>
  );
});

/**
 * A sign-in or consent the identity provider refused and sent the admin back from (a declined
 * permission to change policies): said on whichever screen they come back to, until dismissed.
 */
function SignInProblemBar() {
  const styles = useStyles();
  const { problem, session } = useAuth();
  if (!problem) return null;
  return (
    <MessageBar intent="warning" layout="multiline" className={styles.readOnly} role="alert">
      <MessageBarBody>
        <MessageBarTitle>{problem.title}</MessageBarTitle>
        {problem.message}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button appearance="transparent" icon={<DismissRegular />} aria-label="Dismiss" onClick={() => session.dismissProblem?.()} />
        }
      />
    </MessageBar>
  );
}

/** The Backup page's Documentation section: what an admin looks for by its own name, so an entry of its own, below Backup. */
const DOCUMENTATION = `${paths.backup}#${DOCUMENTATION_SECTION}`;

/** The main navigation's sections, in order. */
const SECTIONS = [
  { path: paths.policies, icon: <DocumentBulletListRegular />, label: 'Policies' },
  { path: paths.lint, icon: <ShieldTaskRegular />, label: 'Lint' },
  { path: paths.deleted, icon: <ArrowCounterclockwiseRegular />, label: 'Deleted policies' },
  { path: paths.compare(), icon: <SplitVerticalRegular />, label: 'Compare' },
  { path: paths.history, icon: <HistoryRegular />, label: 'Change history' },
  { path: paths.backup, icon: <ArchiveRegular />, label: 'Backup' },
  { path: DOCUMENTATION, icon: <BookOpenRegular />, label: 'Documentation' },
  { path: paths.import, icon: <ArrowImportRegular />, label: 'Import' },
  { path: paths.whatIf(), icon: <BranchForkRegular />, label: 'What if' },
  { path: paths.rollout(), icon: <ArrowTrendingLinesRegular />, label: 'Rollout' },
  { path: paths.templates, icon: <GridRegular />, label: 'Templates' },
  { path: paths.emergencyAccess, icon: <ShieldKeyholeRegular />, label: 'Emergency access' },
  { path: paths.contingency, icon: <ShieldErrorRegular />, label: 'Contingency' },
  { path: paths.settings, icon: <SettingsRegular />, label: 'Settings' },
];

/** A plain click stays in the page; Ctrl, Shift, a middle click and the context menu open the link as links do. */
function inPage(event: MouseEvent<HTMLElement>): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

// The sections are links, so each can be opened in a new tab or its address copied. It is given
// `navigate` rather than calling useNavigate: the hook reads React Router's route context, which
// changes with every navigation and would re-render it past the memo.
const MainNav = memo(function MainNav({ section, navigate }: { section: string; navigate: (to: string) => void }) {
  const styles = useStyles();
  // One stop for Tab, the arrow keys between sections: as the tab list it replaced.
  const arrows = useArrowNavigationGroup({ axis: 'vertical', circular: true, memorizeCurrent: true });
  return (
    // Fluent's Nav is a div: the landmark is the nav element around it.
    <nav className={styles.nav} aria-label="Main">
      <Nav selectedValue={section} {...arrows}>
        {SECTIONS.map(({ path, icon, label }) => (
          // In a narrow window only the icon shows: the name stays for screen readers, and as a tooltip.
          <NavItem
            key={path}
            value={sectionOf(path)}
            href={path}
            icon={{ children: icon, className: styles.icon }}
            title={label}
            onClick={(event) => {
              if (!inPage(event)) return;
              event.preventDefault();
              navigate(path);
            }}
          >
            <span className={styles.label}>{label}</span>
          </NavItem>
        ))}
      </Nav>
    </nav>
  );
});

/** The section is the first step of the path: /policies/123/edit is under Policies. */
function sectionOf(pathname: string): string {
  return `/${pathname.split(/[/?]/)[1] || 'policies'}`;
}

export function AppShell({ demo, arrived, children }: { demo?: DemoControls; arrived?: boolean; children: ReactNode }) {
  const styles = useStyles();
  const location = useLocation();
  const section = sectionOf(location.pathname);
  // While the Backup page shows its Documentation section, that entry is the current one.
  const current = `${location.pathname}${location.hash}` === DOCUMENTATION ? DOCUMENTATION : section;
  const navigate = useNavigate();
  const write = useWriteAccess();
  const main = useRef<HTMLElement>(null);
  useFocusRescue(main);
  useFocusOnNavigate(main, section, arrived);
  return (
    <div className={styles.root}>
      <a
        className={styles.skip}
        href="#main"
        onClick={(event) => {
          // The router would take the hash for a navigation; focus moves, and the page scrolls to it.
          event.preventDefault();
          if (main.current) focusOnce(main.current);
        }}
      >
        Skip to main content
      </a>
      <ShellHeader demo={demo} />
      {/* Watched policies: the admin's own saves, on any screen, are no news to them. */}
      <FollowOwnSaves />
      <SwitchSaid />
      <MainNav section={current} navigate={navigate} />
      <main className={styles.main} id="main" ref={main}>
        {demo && <MisbehaviourBar onStop={() => chooseMisbehaviour(demo, 'none')} />}
        <SignInProblemBar />
        <SignInNeededBar />
        <AccountAddedBar />
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
