// The first step of a new policy: where it starts (blank, a file, pasted JSON or a Microsoft template).
import {
  Button,
  Card,
  CardHeader,
  Field,
  makeStyles,
  Skeleton,
  SkeletonItem,
  Text,
  Textarea,
  Tooltip,
  tokens,
} from '@fluentui/react-components';
import { DocumentAddRegular, DocumentArrowUpRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { describeError } from '../../graph/describe-error';
import type { JsonObject } from '../../domain/policy-body';
import { parsePolicyFile, PolicyFileError } from '../../domain/policy-file';
import { useTenantSession } from '../../session/tenant-session';
import { ErrorState } from '../../shared/ui/error-state';
import { FileDropZone } from '../../shared/ui/file-drop-zone';
import { templatesQuery } from '../../policy-ui/queries';
import { Isolated } from '../../shared/ui/isolated-text';
import { blankPolicy, fromTemplate } from './new-policy-sources';

const useStyles = makeStyles({
  sources: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 280px), 1fr))',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
  templates: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export function SourceChooser({ focusOnArrival, onChoose }: { focusOnArrival: boolean; onChoose(body: JsonObject): void }) {
  const styles = useStyles();
  // Arriving here by Start over: the keyboard's focus goes to the first choice, not to <body>.
  const firstChoice = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusOnArrival) firstChoice.current?.focus();
  }, [focusOnArrival]);
  const tenant = useTenantSession();
  const templates = useQuery(templatesQuery(tenant));
  const [fileError, setFileError] = useState<string | null>(null);
  const [choices, setChoices] = useState<{ name: string; body: JsonObject }[]>([]);
  const [pasted, setPasted] = useState('');
  const [pasteError, setPasteError] = useState<string | null>(null);

  /** Files and pasted text go through the same reader, so both accept what exports look like. */
  const read = (bytes: Uint8Array, name: string, fail: (message: string) => void) => {
    try {
      const policies = parsePolicyFile(bytes, name);
      if (policies.length === 1) onChoose(policies[0]!.body);
      else setChoices(policies.map((p) => ({ name: p.displayName, body: p.body })));
    } catch (error) {
      fail(error instanceof PolicyFileError ? error.message : `${name} could not be read: ${String(error)}`);
    }
  };
  const readFile = async (file: File) => {
    setFileError(null);
    read(new Uint8Array(await file.arrayBuffer()), file.name, setFileError);
  };

  return (
    <div className={styles.sources}>
      <Card>
        <CardHeader
          header={<Text weight="semibold">Blank</Text>}
          description="The smallest valid policy: targets nobody until you say whom."
        />
        <Button ref={firstChoice} icon={<DocumentAddRegular />} onClick={() => onChoose(blankPolicy())}>
          Start blank
        </Button>
      </Card>
      <Card>
        <CardHeader
          header={<Text weight="semibold">From a file</Text>}
          description="A policy as exported by Graph, PowerShell or another tool: one policy, a list, UTF-8 or UTF-16."
        />
        <FileDropZone label="Policy file (.json)" accept=".json,application/json" error={fileError} onFile={readFile} />
        {choices.length > 0 && (
          <div className={styles.templates} role="group" aria-label="Policies in the file">
            <Text>This file holds {choices.length} policies. Which one?</Text>
            {choices.map((choice, index) => (
              <Button
                key={index}
                icon={<DocumentArrowUpRegular />}
                onClick={() => onChoose(choice.body)}
                style={{ justifyContent: 'flex-start' }}
              >
                <Isolated>{choice.name}</Isolated>
              </Button>
            ))}
          </div>
        )}
      </Card>
      <Card>
        <CardHeader
          header={<Text weight="semibold">Paste JSON</Text>}
          description="A policy copied from Graph Explorer, a script or a colleague."
        />
        <Field label="Policy JSON" validationMessage={pasteError ?? undefined} validationState={pasteError ? 'error' : 'none'}>
          <Textarea
            value={pasted}
            onChange={(_, data) => setPasted(data.value)}
            resize="vertical"
            rows={5}
            textarea={{ style: { fontFamily: tokens.fontFamilyMonospace } }}
          />
        </Field>
        <Button
          disabled={!pasted.trim()}
          onClick={() => {
            setPasteError(null);
            read(new TextEncoder().encode(pasted), 'The pasted text', setPasteError);
          }}
        >
          Use pasted JSON
        </Button>
      </Card>
      <Card>
        <CardHeader
          header={<Text weight="semibold">From a Microsoft template</Text>}
          description="Microsoft's recommended policies, with you excluded where the template says so."
        />
        {templates.isPending && (
          <Skeleton aria-label="Loading templates">
            <SkeletonItem size={64} />
          </Skeleton>
        )}
        {templates.isError && (
          <ErrorState {...describeError(templates.error, 'load the templates')} onRetry={() => void templates.refetch()} />
        )}
        <div className={styles.templates}>
          {templates.data?.map((template) => (
            <Tooltip key={template.id} content={template.description} relationship="description">
              <Button
                onClick={() => onChoose(fromTemplate(template, tenant.account.objectId))}
                style={{ justifyContent: 'flex-start', textAlign: 'left' }}
              >
                {template.name}
              </Button>
            </Tooltip>
          ))}
        </div>
      </Card>
    </div>
  );
}
