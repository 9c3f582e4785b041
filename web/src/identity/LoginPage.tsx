import { Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router-dom';
import { AuthLayout } from '../app/AuthLayout';
import { ProblemAlert } from '../app/ProblemAlert';
import { splitFieldErrors } from '../app/problems';
import { redirectTarget } from '../app/RequireAuth';
import { useSignedIn } from '../app/useLanguage';
import { login } from './api';
import { useSession } from './session';

const FIELDS = ['email', 'password'] as const;

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const { data: session } = useSession();
  const signedIn = useSignedIn();
  const form = useForm({ initialValues: { email: '', password: '' } });

  const mutation = useMutation({
    mutationFn: (values: typeof form.values) => login(values.email.trim(), values.password),
    onSuccess: (payload) => {
      signedIn(payload);
      navigate(redirectTarget(location.state), { replace: true });
    },
    onError: (error) => {
      form.setErrors(splitFieldErrors(t, error, FIELDS).fields);
    },
  });

  if (session && !mutation.isPending && !mutation.isSuccess) {
    return <Navigate to={redirectTarget(location.state)} replace />;
  }

  const { other } = splitFieldErrors(t, mutation.error, FIELDS);
  return (
    <AuthLayout title={t('auth.login.title')}>
      <form onSubmit={form.onSubmit((values) => mutation.mutate(values))} noValidate>
        <Stack gap="md">
          <Stack gap={4}>
            <Title order={1} fz={26} data-testid="page-title">
              {t('auth.login.title')}
            </Title>
            <Text c="dimmed" size="sm">
              {t('auth.login.subtitle')}
            </Text>
          </Stack>

          {mutation.error && (
            <ProblemAlert error={mutation.error} extra={other} testId="login-error" />
          )}

          <TextInput
            label={t('auth.login.email')}
            type="email"
            autoComplete="username"
            inputMode="email"
            autoFocus
            data-testid="login-email"
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label={t('auth.login.password')}
            autoComplete="current-password"
            data-testid="login-password"
            {...form.getInputProps('password')}
          />
          <Button type="submit" size="md" fullWidth loading={mutation.isPending} data-testid="login-submit">
            {t('auth.login.submit')}
          </Button>

          <Paper bg="grape.0" px="sm" py={8} radius="md" data-testid="demo-hint">
            <Text fz={{ base: 'xs', xs: 'sm' }} ta="center" c="grape.9">
              {t('auth.login.demoHint')}
            </Text>
          </Paper>

          <Text size="sm" ta="center" c="dimmed">
            {t('auth.login.noAccount')}{' '}
            <Anchor component={Link} to="/signup" fw={600} data-testid="to-signup">
              {t('auth.login.createAccount')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  );
}
