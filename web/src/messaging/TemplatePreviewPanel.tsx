import { Badge, Card, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../app/api';
import { ProblemAlert } from '../app/ProblemAlert';
import { splitFieldErrors } from '../app/problems';
import { templateIssuesOf } from './api';
import { TemplateIssueList } from './TemplateIssueList';
import type { ChannelName, TemplateIssue, TemplatePreview, TemplateTexts } from './types';

interface Props {
  channel: ChannelName;
  preview: TemplatePreview | undefined;
  /** No text to render yet. */
  empty: boolean;
  error: unknown;
  fetching: boolean;
  /** The texts the preview (and its issues) are of. */
  texts: TemplateTexts;
  /** Problems found in the browser (names the kind does not offer). */
  warnings: TemplateIssue[];
  onJump: (field: string, position: number) => void;
}

/** The message as a client would get it, with example values; for SMS how many parts it takes. */
export function TemplatePreviewPanel({ channel, preview, empty, error, fetching, texts, warnings, onJump }: Props) {
  const { t } = useTranslation();
  const issues = templateIssuesOf(error);
  const invalid = isApiError(error) && error.status === 422;
  const { other } = splitFieldErrors(t, invalid ? error : null, []);

  return (
    <Card p={{ base: 'sm', sm: 'lg' }} data-testid="template-preview">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Group gap={6}>
            <IconEye size={18} />
            <Title order={3} fz="lg">
              {t('messaging.templates.preview')}
            </Title>
          </Group>
          {fetching && <Loader size="xs" data-testid="template-preview-loading" />}
        </Group>
        <Text size="xs" c="dimmed">
          {t('messaging.templates.previewHint')}
        </Text>
        {empty ? (
          <Text c="dimmed" size="sm" data-testid="template-preview-empty">
            {t('messaging.templates.previewEmpty')}
          </Text>
        ) : invalid ? (
          issues.length > 0 ? (
            <TemplateIssueList issues={issues} texts={texts} onJump={onJump} testId="template-preview-issues" />
          ) : (
            <ProblemAlert error={error} extra={other} testId="template-preview-error" />
          )
        ) : error ? (
          <ProblemAlert error={error} testId="template-preview-error" />
        ) : preview ? (
          <Stack gap="sm">
            <TemplateIssueList issues={warnings} texts={texts} onJump={onJump} testId="template-preview-warnings" />
            {channel === 'email' && (
              <Text size="sm" data-testid="template-preview-subject">
                <Text span fw={600}>
                  {t('messaging.templates.fields.subject')}:
                </Text>{' '}
                {preview.subject}
              </Text>
            )}
            <Paper withBorder radius="md" p="sm" bg="var(--mantine-color-gray-0)">
              {/* Plain text, never HTML. */}
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} data-testid="template-preview-text">
                {preview.text}
              </Text>
            </Paper>
            {channel === 'email' && preview.html && (
              <iframe
                title={t('messaging.templates.previewHtml')}
                sandbox=""
                srcDoc={preview.html}
                style={{ width: '100%', minHeight: 240, border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}
                data-testid="template-preview-html"
              />
            )}
            {preview.sms && (
              <Group gap="xs" data-testid="template-preview-sms">
                <Badge variant="light" color={preview.sms.parts > 1 ? 'orange' : 'teal'} data-testid="template-preview-parts">
                  {t('messaging.templates.smsParts', { parts: preview.sms.parts })}
                </Badge>
                <Badge variant="outline" color="gray" data-testid="template-preview-encoding">
                  {t(`messaging.templates.encoding.${preview.sms.encoding}`, { defaultValue: preview.sms.encoding })}
                </Badge>
                <Text size="xs" c="dimmed" data-testid="template-preview-units">
                  {t('messaging.templates.smsUnits', {
                    units: preview.sms.units,
                    perPart: preview.sms.units_per_part,
                  })}
                </Text>
              </Group>
            )}
          </Stack>
        ) : null}
      </Stack>
    </Card>
  );
}
