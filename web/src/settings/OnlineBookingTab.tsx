import {
  Alert,
  Anchor,
  Button,
  Card,
  Code,
  Divider,
  Grid,
  Group,
  NativeSelect,
  NumberInput,
  Skeleton,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import {
  IconCode,
  IconExternalLink,
  IconInfoCircle,
  IconLink,
  IconLock,
  IconPrinter,
  IconQrcode,
  IconWorld,
} from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { CopyTextButton } from '../app/CopyTextButton';
import { ProblemAlert } from '../app/ProblemAlert';
import { useAuthedSession } from '../identity/session';
import type { Branch } from '../identity/types';
import classes from './OnlineBooking.module.css';
import {
  canEditOnlineBooking,
  embedSnippet,
  getOnlineBooking,
  LEAD_UNITS,
  LIMITS,
  onlineBookingKey,
  putOnlineBooking,
  qrPath,
  rulesFormErrors,
  rulesPatch,
  slugOf,
  STEPS,
  validateRules,
  valuesFromRules,
  type OnlineBookingRules,
  type OnlineBookingValues,
} from './onlineBooking';

/** Settings > Online booking: a branch's rules for the public page, and how to share the page. */
export function OnlineBookingTab() {
  const { t } = useTranslation();
  const session = useAuthedSession();
  const branches = session.branches;
  const [branchId, setBranchId] = useState<number | null>(branches[0]?.id ?? null);
  const branch = branches.find((b) => b.id === branchId) ?? null;
  const canEdit = canEditOnlineBooking(session.role);
  const rules = useQuery({
    queryKey: onlineBookingKey(branchId ?? 0),
    queryFn: ({ signal }) => getOnlineBooking(branchId!, signal),
    enabled: branchId !== null,
  });

  if (branchId === null || !branch) {
    return (
      <Text c="dimmed" py="md">
        {t('branches.empty')}
      </Text>
    );
  }

  return (
    <Stack gap="md" data-testid="ob-tab">
      <Text c="dimmed" size="sm">
        {t('settings.onlineBooking.intro')}
      </Text>
      {branches.length > 1 && (
        <NativeSelect
          label={t('settings.onlineBooking.branch')}
          data={branches.map((b) => ({ value: String(b.id), label: b.name }))}
          value={String(branchId)}
          onChange={(e) => setBranchId(Number(e.currentTarget.value))}
          maw={360}
          data-testid="ob-branch"
        />
      )}
      {!canEdit && (
        <Alert color="gray" variant="light" icon={<IconLock size={18} />} data-testid="ob-readonly">
          {t('settings.onlineBooking.readOnly')}
        </Alert>
      )}
      {rules.error ? (
        <Stack>
          <ProblemAlert error={rules.error} testId="ob-error" />
          <Button variant="light" w="fit-content" onClick={() => void rules.refetch()}>
            {t('app.retry')}
          </Button>
        </Stack>
      ) : rules.isPending ? (
        <Grid gutter="md">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Skeleton h={520} radius="lg" />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Skeleton h={520} radius="lg" />
          </Grid.Col>
        </Grid>
      ) : (
        <Grid gutter="md" align="flex-start">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <RulesForm key={branchId} branchId={branchId} rules={rules.data} canEdit={canEdit} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <SharePanel rules={rules.data} branch={branch} />
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}

interface RulesFormProps {
  branchId: number;
  rules: OnlineBookingRules;
  canEdit: boolean;
}

function RulesForm({ branchId, rules, canEdit }: RulesFormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const readOnly = !canEdit;
  const form = useForm<OnlineBookingValues>({
    initialValues: valuesFromRules(rules),
    validate: (values) => validateRules(t, values),
  });
  const save = useMutation({
    mutationFn: (values: OnlineBookingValues) => putOnlineBooking(branchId, rulesPatch(rules, values)),
    onSuccess: (saved) => {
      queryClient.setQueryData(onlineBookingKey(branchId), saved);
      const values = valuesFromRules(saved);
      form.setInitialValues(values);
      form.setValues(values);
      form.resetDirty(values);
      notifications.show({ color: 'teal', message: t('settings.onlineBooking.saved') });
    },
    onError: (error) => form.setErrors(rulesFormErrors(t, error).fields),
  });
  const { other } = rulesFormErrors(t, save.error);
  const v = form.values;
  const dirty = form.isDirty();

  return (
    <Card p={{ base: 'sm', sm: 'lg' }}>
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate data-testid="ob-settings">
        <Stack gap="md">
          {save.error && <ProblemAlert error={save.error} extra={other} testId="ob-save-error" />}
          <Switch
            size="md"
            label={<Text fw={600}>{t('settings.onlineBooking.enabled')}</Text>}
            description={t('settings.onlineBooking.enabledHint')}
            checked={v.enabled}
            disabled={readOnly}
            onChange={(e) => form.setFieldValue('enabled', e.currentTarget.checked)}
            error={form.errors.enabled}
            data-testid="ob-enabled"
          />

          <Section label={t('settings.onlineBooking.whenSection')}>
            <Group align="flex-start" gap="xs" wrap="nowrap">
              <NumberInput
                label={t('settings.onlineBooking.lead')}
                description={t('settings.onlineBooking.leadHint')}
                min={0}
                allowNegative={false}
                decimalScale={2}
                readOnly={readOnly}
                style={{ flex: 1 }}
                data-testid="ob-lead"
                {...form.getInputProps('lead')}
              />
              <NativeSelect
                label={t('settings.onlineBooking.leadUnit')}
                description={'\u00a0'}
                data={LEAD_UNITS.map((u) => ({ value: u, label: t(`settings.onlineBooking.units.${u}`) }))}
                disabled={readOnly}
                w={130}
                data-testid="ob-lead-unit"
                {...form.getInputProps('lead_unit')}
              />
            </Group>
            <Group align="flex-start" gap="xs" grow>
              <NumberInput
                label={t('settings.onlineBooking.horizon')}
                description={t('settings.onlineBooking.horizonHint')}
                min={LIMITS.horizon_days.min}
                max={LIMITS.horizon_days.max}
                allowNegative={false}
                allowDecimal={false}
                readOnly={readOnly}
                data-testid="ob-horizon"
                {...form.getInputProps('horizon_days')}
              />
              <NativeSelect
                label={t('settings.onlineBooking.step')}
                description={t('settings.onlineBooking.stepHint')}
                data={STEPS.map((s) => ({ value: String(s), label: t('settings.onlineBooking.everyMinutes', { n: s }) }))}
                disabled={readOnly}
                data-testid="ob-step"
                {...form.getInputProps('step_minutes')}
              />
            </Group>
          </Section>

          <Section label={t('settings.onlineBooking.confirmSection')}>
            <Switch
              label={t('settings.onlineBooking.autoConfirm')}
              description={
                v.auto_confirm ? t('settings.onlineBooking.autoConfirmOn') : t('settings.onlineBooking.autoConfirmOff')
              }
              checked={v.auto_confirm}
              disabled={readOnly}
              onChange={(e) => form.setFieldValue('auto_confirm', e.currentTarget.checked)}
              error={form.errors.auto_confirm}
              data-testid="ob-auto-confirm"
            />
            <Group align="flex-start" gap="xs" grow>
              <NumberInput
                label={t('settings.onlineBooking.deadline')}
                description={t('settings.onlineBooking.deadlineHint')}
                min={0}
                allowNegative={false}
                decimalScale={2}
                readOnly={readOnly}
                data-testid="ob-deadline"
                {...form.getInputProps('cancel_deadline_hours')}
              />
              <NumberInput
                label={t('settings.onlineBooking.maxBookings')}
                description={t('settings.onlineBooking.maxBookingsHint')}
                min={LIMITS.max_future_bookings.min}
                max={LIMITS.max_future_bookings.max}
                allowNegative={false}
                allowDecimal={false}
                readOnly={readOnly}
                data-testid="ob-max-bookings"
                {...form.getInputProps('max_future_bookings')}
              />
            </Group>
            <Switch
              label={t('settings.onlineBooking.masterRequired')}
              description={t('settings.onlineBooking.masterRequiredHint')}
              checked={v.master_required}
              disabled={readOnly}
              onChange={(e) => form.setFieldValue('master_required', e.currentTarget.checked)}
              error={form.errors.master_required}
              data-testid="ob-master-required"
            />
          </Section>

          <Section label={t('settings.onlineBooking.pageSection')}>
            <TextInput
              label={t('settings.onlineBooking.phone')}
              description={t('settings.onlineBooking.phoneHint')}
              type="tel"
              inputMode="tel"
              autoComplete="off"
              placeholder="+380 44 123 45 67"
              readOnly={readOnly}
              maxLength={40}
              data-testid="ob-phone"
              {...form.getInputProps('phone')}
            />
            <Textarea
              label={t('settings.onlineBooking.message')}
              description={t('settings.onlineBooking.messageHint', {
                n: LIMITS.message.max - v.message.length,
              })}
              autosize
              minRows={2}
              maxRows={6}
              maxLength={LIMITS.message.max}
              readOnly={readOnly}
              data-testid="ob-message"
              {...form.getInputProps('message')}
            />
          </Section>

          {canEdit && (
            <Group justify="flex-end" gap="xs">
              {dirty && (
                <Button variant="default" onClick={() => form.reset()} data-testid="ob-discard">
                  {t('staff.discard')}
                </Button>
              )}
              <Button type="submit" loading={save.isPending} disabled={!dirty} data-testid="ob-save">
                {t('common.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Card>
  );
}

function Section({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap="sm">
      <Divider label={label} labelPosition="left" />
      {children}
    </Stack>
  );
}

/** The body class under which only the printable QR sheet is printed (OnlineBooking.module.css). */
const PRINT_CLASS = 'kvitka-print-qr';

function printQrCard() {
  const body = document.body;
  const done = () => {
    body.classList.remove(PRINT_CLASS);
    window.removeEventListener('afterprint', done);
    window.removeEventListener('pointerdown', done, true);
    window.removeEventListener('keydown', done, true);
  };
  body.classList.add(PRINT_CLASS);
  window.addEventListener('afterprint', done);
  try {
    window.print();
  } catch {
    done();
    return;
  }
  // Where no afterprint comes (some mobile browsers), the next touch or key ends the print mode.
  window.addEventListener('pointerdown', done, true);
  window.addEventListener('keydown', done, true);
}

function SharePanel({ rules, branch }: { rules: OnlineBookingRules; branch: Branch }) {
  const { t } = useTranslation();
  const url = rules.booking_url;
  const slug = slugOf(url, branch.slug);
  const snippet = embedSnippet(url, slug);
  const qr = qrPath(slug);
  useEffect(() => () => document.body.classList.remove(PRINT_CLASS), []);

  return (
    <Card p={{ base: 'sm', sm: 'lg' }} data-testid="ob-share">
      <Stack gap="md">
        <Group gap="xs">
          <IconWorld size={20} color="var(--mantine-color-kvitka-6)" />
          <Title order={3} fz="lg">
            {t('settings.onlineBooking.shareTitle')}
          </Title>
        </Group>
        {!rules.enabled && (
          <Alert color="yellow" variant="light" icon={<IconInfoCircle size={18} />} data-testid="ob-closed-note">
            {t('settings.onlineBooking.closedNote')}
          </Alert>
        )}

        <Stack gap={6}>
          <Group gap={6}>
            <IconLink size={16} />
            <Text fw={600} size="sm">
              {t('settings.onlineBooking.link')}
            </Text>
          </Group>
          <Anchor href={url} target="_blank" rel="noopener noreferrer" className={classes.link} data-testid="ob-link">
            {url}
          </Anchor>
          <Group gap="xs">
            <CopyTextButton value={url} label={t('settings.onlineBooking.copyLink')} testId="ob-copy-link" />
            <Button
              size="xs"
              variant="default"
              component="a"
              href={url}
              target="_blank"
              rel="noopener noreferrer"
              leftSection={<IconExternalLink size={14} />}
              data-testid="ob-open"
            >
              {t('settings.onlineBooking.open')}
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            {t('settings.onlineBooking.linkHint')}
          </Text>
        </Stack>

        <Stack gap={6}>
          <Group gap={6}>
            <IconCode size={16} />
            <Text fw={600} size="sm">
              {t('settings.onlineBooking.embed')}
            </Text>
          </Group>
          <Text size="xs" c="dimmed">
            {t('settings.onlineBooking.embedHint')}
          </Text>
          <Code block data-testid="ob-embed" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
            {snippet}
          </Code>
          <Group gap="xs">
            <CopyTextButton value={snippet} label={t('settings.onlineBooking.copyCode')} testId="ob-copy-embed" />
          </Group>
        </Stack>

        <Stack gap={6}>
          <Group gap={6}>
            <IconQrcode size={16} />
            <Text fw={600} size="sm">
              {t('settings.onlineBooking.qr')}
            </Text>
          </Group>
          <div className={classes.qrCard}>
            <Text fw={700}>{branch.name}</Text>
            <img
              src={qr}
              alt={t('settings.onlineBooking.qrAlt', { name: branch.name })}
              className={classes.qrImage}
              data-testid="ob-qr"
            />
            <Text size="xs" c="dimmed" className={classes.link}>
              {url}
            </Text>
          </div>
          <Group gap="xs">
            <Button
              size="xs"
              variant="default"
              leftSection={<IconPrinter size={14} />}
              onClick={printQrCard}
              data-testid="ob-print"
            >
              {t('settings.onlineBooking.print')}
            </Button>
            <Button
              size="xs"
              variant="subtle"
              component="a"
              href={qr}
              download={`qr-${slug}.svg`}
              data-testid="ob-qr-download"
            >
              {t('settings.onlineBooking.downloadQr')}
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            {t('settings.onlineBooking.qrHint')}
          </Text>
        </Stack>
      </Stack>
      {createPortal(
        <div className={classes.printSheet} hidden aria-hidden data-testid="ob-print-sheet">
          <h1>{branch.name}</h1>
          <img src={qr} alt="" />
          <p>{t('settings.onlineBooking.printCaption')}</p>
          <p>{url}</p>
        </div>,
        document.body,
      )}
    </Card>
  );
}
