// The trail above a policy screen: Policies › a policy › what is being done to it. The trail stays on
// one line and shrinks with the window: a long policy name ends in an ellipsis where the room runs out
// (the whole name in its title and accessible name), so the trail never makes the page wider than the window.
import { Breadcrumb, BreadcrumbButton, BreadcrumbDivider, BreadcrumbItem, makeStyles } from '@fluentui/react-components';
import { Fragment } from 'react';
import { useNavigate } from 'react-router';
import { paths } from '../shared/routes/paths';
import { Isolated } from '../shared/ui/isolated-text';

const useStyles = makeStyles({
  trail: { minWidth: 0, overflow: 'hidden' },
  list: { flexWrap: 'nowrap', minWidth: 0 },
  // "Policies" and "Edit" keep their width; a name gives up its room first.
  fixed: { flexShrink: 0 },
  shrinking: { minWidth: 0, flexShrink: 1 },
  // At most about sixty characters on a wide screen too: the trail reads by a name's start ("CA001: …").
  button: { minWidth: 0, maxWidth: 'min(100%, 36em)' },
  label: { display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
});

export function PageBreadcrumb({ trail }: { trail: { label: string; to?: string }[] }) {
  const styles = useStyles();
  const navigate = useNavigate();
  // The steps after "Policies" name a policy, from the tenant, except an action after it ("Edit").
  const steps = [
    { label: 'Policies', to: paths.policies, fromTenant: false },
    ...trail.map((step, index) => ({ ...step, fromTenant: index === 0 || index < trail.length - 1 })),
  ];
  return (
    <Breadcrumb aria-label="Breadcrumb" className={styles.trail} list={{ className: styles.list }}>
      {steps.map((step, index) => {
        // A policy's name (or id) comes from the tenant: isolated, and titled in full for when it is cut.
        const label = step.fromTenant ? <Isolated>{step.label}</Isolated> : step.label;
        const shared = {
          className: styles.button,
          title: step.fromTenant ? step.label : undefined,
          children: <span className={styles.label}>{label}</span>,
        };
        return (
          <Fragment key={`${step.label}-${index}`}>
            {index > 0 && <BreadcrumbDivider className={styles.fixed} />}
            <BreadcrumbItem className={step.fromTenant ? styles.shrinking : styles.fixed}>
              {index === steps.length - 1 ? (
                <BreadcrumbButton current {...shared} />
              ) : (
                <BreadcrumbButton onClick={() => step.to && navigate(step.to)} {...shared} />
              )}
            </BreadcrumbItem>
          </Fragment>
        );
      })}
    </Breadcrumb>
  );
}
