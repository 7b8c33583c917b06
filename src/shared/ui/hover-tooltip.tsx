// A Fluent tooltip mounted only when its target is first hovered or focused. Each Tooltip costs
// hooks, listeners and a render of its own: a list of a few hundred names (a grid's cells, a large
// policy's users) paid that for tooltips nobody had asked for yet.
import { Tooltip } from '@fluentui/react-components';
import { useState, type ReactElement } from 'react';

/** What the target spreads on itself so that hovering or focusing it brings the tooltip. */
export interface TooltipArm {
  onMouseEnter?: () => void;
  onFocus?: () => void;
}

export function HoverTooltip({
  content,
  relationship,
  withArrow,
  children,
}: {
  content: string;
  relationship: 'label' | 'description';
  withArrow?: boolean;
  children: (arm: TooltipArm) => ReactElement;
}) {
  const [shown, setShown] = useState(false);
  if (!shown) return children({ onMouseEnter: () => setShown(true), onFocus: () => setShown(true) });
  return (
    <Tooltip
      content={content}
      relationship={relationship}
      withArrow={withArrow}
      visible
      onVisibleChange={(_, data) => setShown(data.visible)}
    >
      {children({})}
    </Tooltip>
  );
}
