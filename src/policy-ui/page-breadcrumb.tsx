// The trail above a policy screen: Policies › a policy › what is being done to it.
import { Breadcrumb, BreadcrumbButton, BreadcrumbDivider, BreadcrumbItem } from '@fluentui/react-components';
import { Fragment } from 'react';
import { useNavigate } from 'react-router';
import { paths } from '../shared/routes/paths';

export function PageBreadcrumb({ trail }: { trail: { label: string; to?: string }[] }) {
  const navigate = useNavigate();
  const steps = [{ label: 'Policies', to: paths.policies }, ...trail];
  return (
    <Breadcrumb aria-label="Breadcrumb">
      {steps.map((step, index) => (
        <Fragment key={`${step.label}-${index}`}>
          {index > 0 && <BreadcrumbDivider />}
          <BreadcrumbItem>
            {index === steps.length - 1 ? (
              <BreadcrumbButton current>{step.label}</BreadcrumbButton>
            ) : (
              <BreadcrumbButton onClick={() => step.to && navigate(step.to)}>{step.label}</BreadcrumbButton>
            )}
          </BreadcrumbItem>
        </Fragment>
      ))}
    </Breadcrumb>
  );
}
