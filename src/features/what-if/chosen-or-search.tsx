// One of the scenario's required choices (who signs in, the application): the chosen object as a tag
// with a button to choose another, else the search box that chooses it. Choosing replaces the box and
// removing replaces the button: the element with the keyboard's focus leaves the page, so focus is put
// on what took its place (the remove button, then the box again) rather than left to fall to the
// page's title, several Tabs back.
import { Button, makeStyles, Tag, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useEffect, useRef, type ReactNode } from 'react';

const useStyles = makeStyles({
  chosen: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  // Only there to know whether the box has focus: the box keeps the field's layout.
  search: { display: 'contents' },
});

export function ChosenOrSearch({
  chosen,
  noun,
  onRemove,
  search,
}: {
  /** The chosen object's name; null shows the search. */
  chosen: string | null;
  /** What is chosen, for the remove button's name: "Choose another user than Ada Lindqvist". */
  noun: string;
  onRemove(): void;
  search: ReactNode;
}) {
  const styles = useStyles();
  const removeButton = useRef<HTMLButtonElement>(null);
  const searchBox = useRef<HTMLDivElement>(null);
  // Where focus was when the choice changed: in the box (a choice made from it, by keys or by a click on
  // a result, which leaves focus in the box) or on the remove button. A scenario opened from the suite
  // changes the choice with focus elsewhere, and leaves it there.
  const focusWas = useRef<'search' | 'remove' | null>(null);
  useEffect(() => {
    const was = focusWas.current;
    focusWas.current = null;
    if (chosen !== null && was === 'search') removeButton.current?.focus();
    if (chosen === null && was === 'remove') searchBox.current?.querySelector('input')?.focus();
  }, [chosen]);
  // A removed element fires no blur: what had focus last is still recorded when the choice changes.
  const forget = () => {
    focusWas.current = null;
  };
  if (chosen === null) {
    return (
      <div
        ref={searchBox}
        className={styles.search}
        onFocus={() => {
          focusWas.current = 'search';
        }}
        onBlur={forget}
      >
        {search}
      </div>
    );
  }
  return (
    <div className={styles.chosen}>
      <Tag>{chosen}</Tag>
      <Button
        ref={removeButton}
        size="small"
        icon={<DismissRegular />}
        aria-label={`Choose another ${noun} than ${chosen}`}
        onClick={onRemove}
        onFocus={() => {
          focusWas.current = 'remove';
        }}
        onBlur={forget}
      />
    </div>
  );
}
