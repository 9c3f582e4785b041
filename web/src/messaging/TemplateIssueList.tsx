import { Alert, Anchor, List, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { lineColumn } from './templates';
import type { TemplateIssue, TemplateTexts } from './types';

interface Props {
  issues: TemplateIssue[];
  /** The texts the positions refer to. */
  texts: TemplateTexts;
  onJump: (field: string, position: number) => void;
  testId: string;
}

/** What is wrong in a template: which name, in which text, on which line and column. */
export function TemplateIssueList({ issues, texts, onJump, testId }: Props) {
  const { t } = useTranslation();
  if (issues.length === 0) return null;
  return (
    <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title={t('messaging.issues.title')} data-testid={testId}>
      <List size="sm" spacing={4}>
        {issues.map((issue, i) => {
          const text = texts[issue.field as keyof TemplateTexts] ?? '';
          const { line, column } = lineColumn(text, issue.position);
          const where = t('messaging.issues.where', {
            field: t(`messaging.templates.fields.${issue.field}`, { defaultValue: issue.field }),
            line,
            column,
          });
          return (
            <List.Item key={`${issue.field}-${issue.code}-${issue.position}-${i}`} data-testid={`${testId}-item`}>
              <Text span size="sm" fw={500}>
                {t(`messaging.issues.codes.${issue.code}`, {
                  name: issue.name ? `{{${issue.name}}}` : '',
                  defaultValue: issue.name ? `${issue.code}: ${issue.name}` : issue.code,
                })}
              </Text>{' '}
              {issue.code === 'opt_out_required' ? null : (
                <Anchor component="button" type="button" size="sm" onClick={() => onJump(issue.field, issue.position)}>
                  {where}
                </Anchor>
              )}
            </List.Item>
          );
        })}
      </List>
    </Alert>
  );
}
