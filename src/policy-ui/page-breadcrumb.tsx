// The trail above a policy screen: Policies › a policy › what is being done to it. A long policy
// name is shortened with an ellipsis, the whole name in its tooltip and accessible name, so the
// trail never makes the page wider than the window.
import { Breadcrumb, BreadcrumbButton, BreadcrumbDivider, BreadcrumbItem, Tooltip } from '@fluentui/react-components';
import { Fragment } from 'react';
import { useNavigate } from 'react-router';
import { paths } from '../shared/routes/paths';

/** Characters of a step shown before the ellipsis: a long policy name still reads by its prefix ("CA001: …"). */
const LONGEST_STEP = 60;

export const shortenedStep = (label: string) => (label.length > LONGEST_STEP ? `${label.slice(0, LONGEST_STEP - 1).trimEnd()}…` : label);

export function PageBreadcrumb({ trail }: { trail: { label: string; to?: string }[] }) {
  const navigate = useNavigate();
  const steps = [{ label: 'Policies', to: paths.policies }, ...trail];
  return (
    <Breadcrumb aria-label="Breadcrumb">
      {steps.map((step, index) => {
        const button =
          index === steps.length - 1 ? (
            <BreadcrumbButton current>{shortenedStep(step.label)}</BreadcrumbButton>
          ) : (
            <BreadcrumbButton onClick={() => step.to && navigate(step.to)}>{shortenedStep(step.label)}</BreadcrumbButton>
          );
        return (
          <Fragment key={`${step.label}-${index}`}>
            {index > 0 && <BreadcrumbDivider />}
            <BreadcrumbItem>
              {shortenedStep(step.label) === step.label ? (
                button
              ) : (
                <Tooltip content={step.label} relationship="label" withArrow>
                  {button}
                </Tooltip>
              )}
            </BreadcrumbItem>
          </Fragment>
        );
      })}
    </Breadcrumb>
  );
}
