import { Badge, Button, Card, Grid, Group, Modal, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconRestore } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../app/ProblemAlert';
import { splitFieldErrors } from '../app/problems';
import { listVariables, messagingKeys, previewTemplate, resetTemplate, saveTemplate, templateIssuesOf } from './api';
import { FormActions, insertAtCaret } from './FormParts';
import { TemplateIssueList } from './TemplateIssueList';
import { TemplatePreviewPanel } from './TemplatePreviewPanel';
import { indexOfPosition, isMarketing, sameTexts, textsOf, unknownVariables } from './templates';
import type { MessageTemplate, TemplateTexts } from './types';
import { VariablesList } from './VariablesList';

type TextField = keyof TemplateTexts;
const TEXT_FIELDS: TextField[] = ['subject', 'body', 'html'];

/** Debounce of the live preview, in milliseconds. */
export const PREVIEW_DELAY = 300;

/** The text of one template: editor, variables, live preview, save and back to the default. */
export function TemplateForm({ template }: { template: MessageTemplate }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { kind, channel, language } = template;
  const email = channel === 'email';
  const [base, setBase] = useState(template);
  const [texts, setTexts] = useState<TemplateTexts>(() => textsOf(template));
  const [confirmReset, setConfirmReset] = useState(false);
  const inputs = {
    subject: useRef<HTMLInputElement>(null),
    body: useRef<HTMLTextAreaElement>(null),
    html: useRef<HTMLTextAreaElement>(null),
  };
  const lastField = useRef<TextField>('body');
  const dirty = !sameTexts(channel, texts, textsOf(base));

  const variables = useQuery({
    queryKey: messagingKeys.variables(kind),
    queryFn: ({ signal }) => listVariables(kind, signal),
    staleTime: Infinity,
  });

  // The preview follows the text ~300 ms after the last keystroke.
  const [debounced] = useDebouncedValue(texts, PREVIEW_DELAY);
  const preview = useQuery({
    queryKey: messagingKeys.preview(kind, channel, language, debounced),
    queryFn: ({ signal }) => previewTemplate(kind, channel, language, debounced, signal),
    enabled: debounced.body.trim() !== '',
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 60_000,
  });

  const stored = (saved: MessageTemplate) => {
    setBase(saved);
    setTexts(textsOf(saved));
    queryClient.setQueryData<MessageTemplate[]>(messagingKeys.templates, (list) =>
      list?.map((x) => (x.kind === saved.kind && x.channel === saved.channel && x.language === saved.language ? saved : x)),
    );
  };
  const save = useMutation({
    mutationFn: () => saveTemplate(kind, channel, language, texts),
    onSuccess: (saved) => {
      stored(saved);
      notifications.show({ color: 'teal', message: t('messaging.templates.saved') });
    },
  });
  const reset = useMutation({
    mutationFn: () => resetTemplate(kind, channel, language),
    onSuccess: (saved) => {
      stored(saved);
      save.reset();
      setConfirmReset(false);
      notifications.show({ color: 'teal', message: t('messaging.templates.resetDone') });
    },
  });

  // Names the kind does not offer render empty in the preview; say so while typing.
  const known = variables.data ?? [];
  const warnings = (email ? TEXT_FIELDS : (['body'] as TextField[])).flatMap((f) => unknownVariables(f, debounced[f], known));

  const shownFields = email ? TEXT_FIELDS : (['body'] as TextField[]);
  const { fields: fieldErrors, other } = splitFieldErrors(t, save.error, shownFields);
  const saveIssues = templateIssuesOf(save.error);

  const change = (field: TextField, value: string) => {
    if (save.isError) save.reset();
    setTexts((x) => ({ ...x, [field]: value }));
  };

  const insert = (name: string) => {
    const field = email ? lastField.current : 'body';
    insertAtCaret(inputs[field].current, texts[field], name, (text) => change(field, text));
  };

  const jump = (field: string, position: number) => {
    if (!(TEXT_FIELDS as string[]).includes(field)) return;
    const el = inputs[field as TextField].current;
    if (!el) return;
    const text = texts[field as TextField];
    const from = indexOfPosition(text, position);
    const close = text.indexOf('}}', from);
    el.focus();
    el.setSelectionRange(from, close >= 0 ? close + (text.startsWith('}}}', close) ? 3 : 2) : from);
  };

  const track = (field: TextField) => () => {
    lastField.current = field;
  };
  const label = (field: TextField) => t(`messaging.templates.fields.${field}`);

  return (
    <Grid gutter="md" align="flex-start">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Card p={{ base: 'sm', sm: 'lg' }} data-testid="template-form">
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              save.mutate();
            }}
          >
            <Stack gap="md">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Title order={3} fz="lg">
                  {t(`messaging.kinds.${kind}`)}
                </Title>
                <Badge variant="light" color={base.custom ? 'kvitka' : 'gray'} data-testid="template-origin">
                  {base.custom ? t('messaging.templates.custom') : t('messaging.templates.default')}
                </Badge>
              </Group>
              {save.error ? <ProblemAlert error={save.error} extra={other} testId="template-save-error" /> : null}
              {saveIssues.length > 0 && (
                <TemplateIssueList issues={saveIssues} texts={texts} onJump={jump} testId="template-save-issues" />
              )}
              {email && (
                <TextInput
                  ref={inputs.subject}
                  label={label('subject')}
                  value={texts.subject}
                  onChange={(e) => change('subject', e.currentTarget.value)}
                  onFocus={track('subject')}
                  onSelect={track('subject')}
                  error={fieldErrors.subject}
                  data-testid="template-subject"
                />
              )}
              <Textarea
                ref={inputs.body}
                label={email ? t('messaging.templates.fields.bodyEmail') : label('body')}
                description={isMarketing(kind) ? t('messaging.templates.optOutHint') : undefined}
                value={texts.body}
                onChange={(e) => change('body', e.currentTarget.value)}
                onFocus={track('body')}
                onSelect={track('body')}
                error={fieldErrors.body}
                autosize
                minRows={5}
                maxRows={16}
                data-testid="template-body"
              />
              {email && (
                <Textarea
                  ref={inputs.html}
                  label={label('html')}
                  description={t('messaging.templates.htmlHint')}
                  value={texts.html}
                  onChange={(e) => change('html', e.currentTarget.value)}
                  onFocus={track('html')}
                  onSelect={track('html')}
                  error={fieldErrors.html}
                  autosize
                  minRows={4}
                  maxRows={16}
                  ff="monospace"
                  data-testid="template-html"
                />
              )}
              <VariablesList
                variables={variables.data ?? []}
                loading={variables.isPending}
                error={variables.error}
                onInsert={insert}
              />
              <Group justify="space-between" gap="xs">
                {base.custom ? (
                  <Button
                    variant="subtle"
                    color="gray"
                    leftSection={<IconRestore size={16} />}
                    onClick={() => setConfirmReset(true)}
                    data-testid="template-reset"
                  >
                    {t('messaging.templates.reset')}
                  </Button>
                ) : (
                  <span />
                )}
                <FormActions
                  canDiscard={dirty}
                  onDiscard={() => {
                    setTexts(textsOf(base));
                    save.reset();
                  }}
                  saving={save.isPending}
                  saveDisabled={!dirty}
                  testId="template"
                />
              </Group>
            </Stack>
          </form>
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <TemplatePreviewPanel
          channel={channel}
          preview={preview.data}
          empty={debounced.body.trim() === ''}
          error={preview.error}
          fetching={preview.isFetching}
          texts={debounced}
          warnings={warnings}
          onJump={jump}
        />
      </Grid.Col>
      <Modal
        opened={confirmReset}
        onClose={() => setConfirmReset(false)}
        title={t('messaging.templates.resetTitle')}
        centered
      >
        <Stack gap="md">
          <Text size="sm">{t('messaging.templates.resetText')}</Text>
          {reset.error ? <ProblemAlert error={reset.error} /> : null}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setConfirmReset(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={reset.isPending} onClick={() => reset.mutate()} data-testid="template-reset-confirm">
              {t('messaging.templates.resetConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Grid>
  );
}
