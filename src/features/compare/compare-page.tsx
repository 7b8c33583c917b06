// Compare: two policies (or a policy and a file), or this tenant against another tenant or a backup.
import { makeStyles, Tab, TabList, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { preloadDiffViewer } from '../../shared/monaco';
import { ComparePolicies } from './compare-policies';
import { CompareTenants } from './compare-tenants';
import { paths } from '../../shared/routes/paths';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  title: { margin: 0, fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
});

export function ComparePage() {
  const styles = useStyles();
  const navigate = useNavigate();
  const tenants = useLocation().pathname.startsWith(paths.compareTenants);
  // Every comparison ends in a diff: Monaco loads while the admin chooses what to compare.
  useEffect(preloadDiffViewer, []);
  return (
    <section className={styles.page} aria-labelledby="compare-title">
      <h1 id="compare-title" className={styles.title}>
        Compare
      </h1>
      <TabList
        selectedValue={tenants ? 'tenants' : 'policies'}
        onTabSelect={(_, data) => navigate(data.value === 'tenants' ? paths.compareTenants : paths.compare())}
        aria-label="What to compare"
      >
        <Tab value="policies">Two policies</Tab>
        <Tab value="tenants">Tenant with tenant or backup</Tab>
      </TabList>
      {tenants ? <CompareTenants /> : <ComparePolicies />}
    </section>
  );
}
