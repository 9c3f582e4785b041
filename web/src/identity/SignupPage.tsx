import {
  Anchor,
  Button,
  Divider,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router-dom';
import { AuthLayout } from '../app/AuthLayout';
import { ProblemAlert } from '../app/ProblemAlert';
import { splitFieldErrors } from '../app/problems';
import { useLanguage, useSignedIn } from '../app/useLanguage';
import { signup } from './api';
import { useSession } from './session';
import { CURRENCIES, currencyLabel, defaultTimeZone, timeZoneOptions } from './signupOptions';
import type { SignupRequest } from './types';

const FIELDS = [
  'org_name',
  'branch_name',
  'timezone',
  'currency',
  'name',
  'email',
  'password',
] as const;

export function SignupPage() {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const navigate = useNavigate();
  const { data: session } = useSession();
  const signedIn = useSignedIn();

  const form = useForm<SignupRequest>({
    initialValues: {
      org_name: '',
      branch_name: '',
      timezone: defaultTimeZone(),
      currency: 'UAH',
      name: '',
      email: '',
      password: '',
    },
  });

  const zones = useMemo(() => timeZoneOptions(), []);
  const currencies = useMemo(
    () => CURRENCIES.map((code) => ({ value: code, label: currencyLabel(code, language) })),
    [language],
  );

  const mutation = useMutation({
    mutationFn: (values: SignupRequest) =>
      signup({
        ...values,
        org_name: values.org_name.trim(),
        // One-branch salons need not think about branches: reuse the salon name.
        branch_name: values.branch_name.trim() || values.org_name.trim(),
        name: values.name.trim(),
        email: values.email.trim(),
      }),
    onSuccess: (payload) => {
      signedIn(payload, { preferCurrent: true });
      navigate('/journal', { replace: true });
    },
    onError: (error) => form.setErrors(splitFieldErrors(t, error, FIELDS).fields),
  });

  if (session && !mutation.isPending && !mutation.isSuccess) {
    return <Navigate to="/journal" replace />;
  }

  const { other } = splitFieldErrors(t, mutation.error, FIELDS);
  return (
    <AuthLayout title={t('auth.signup.title')} width={560}>
      <form onSubmit={form.onSubmit((values) => mutation.mutate(values))} noValidate>
        <Stack gap="md">
          <Stack gap={4}>
            <Title order={1} fz={26} data-testid="page-title">
              {t('auth.signup.title')}
            </Title>
            <Text c="dimmed" size="sm">
              {t('auth.signup.subtitle')}
            </Text>
          </Stack>

          {mutation.error && (
            <ProblemAlert error={mutation.error} extra={other} testId="signup-error" />
          )}

          <Divider label={t('auth.signup.sectionSalon')} labelPosition="left" />
          <TextInput
            label={t('auth.signup.orgName')}
            placeholder={t('auth.signup.orgNamePlaceholder')}
            autoComplete="organization"
            data-testid="signup-org-name"
            {...form.getInputProps('org_name')}
          />
          <TextInput
            label={t('auth.signup.branchName')}
            description={t('auth.signup.branchNameDescription')}
            placeholder={form.values.org_name || undefined}
            data-testid="signup-branch-name"
            {...form.getInputProps('branch_name')}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <Select
              label={t('auth.signup.timezone')}
              data={zones}
              searchable
              allowDeselect={false}
              nothingFoundMessage={t('common.nothingFound')}
              data-testid="signup-timezone"
              {...form.getInputProps('timezone')}
            />
            <Select
              label={t('auth.signup.currency')}
              data={currencies}
              searchable
              allowDeselect={false}
              nothingFoundMessage={t('common.nothingFound')}
              data-testid="signup-currency"
              {...form.getInputProps('currency')}
            />
          </SimpleGrid>

          <Divider label={t('auth.signup.sectionAccount')} labelPosition="left" mt="xs" />
          <TextInput
            label={t('auth.signup.name')}
            autoComplete="name"
            data-testid="signup-name"
            {...form.getInputProps('name')}
          />
          <TextInput
            label={t('auth.signup.email')}
            type="email"
            inputMode="email"
            autoComplete="email"
            data-testid="signup-email"
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label={t('auth.signup.password')}
            description={t('auth.signup.passwordDescription')}
            autoComplete="new-password"
            data-testid="signup-password"
            {...form.getInputProps('password')}
          />

          <Button type="submit" size="md" fullWidth loading={mutation.isPending} data-testid="signup-submit">
            {t('auth.signup.submit')}
          </Button>
          <Text size="sm" ta="center" c="dimmed">
            {t('auth.signup.haveAccount')}{' '}
            <Anchor component={Link} to="/login" fw={600} data-testid="to-login">
              {t('auth.signup.signIn')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  );
}
