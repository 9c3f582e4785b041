import { Alert, Anchor, Button, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconLinkOff } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../app/api';
import { AuthLayout } from '../app/AuthLayout';
import { ProblemAlert } from '../app/ProblemAlert';
import { splitFieldErrors } from '../app/problems';
import { useSignedIn } from '../app/useLanguage';
import { acceptInvitation } from './api';

const FIELDS = ['password'] as const;

/** /invite/:token — the invited person sets a password and is signed in. */
export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const signedIn = useSignedIn();
  const form = useForm({
    initialValues: { password: '', confirm: '' },
    validate: {
      confirm: (value, values) => (value !== values.password ? t('auth.invite.mismatch') : null),
    },
  });

  const mutation = useMutation({
    mutationFn: (password: string) => acceptInvitation(token, password),
    onSuccess: (payload) => {
      signedIn(payload);
      navigate('/journal', { replace: true });
    },
    onError: (error) => form.setErrors(splitFieldErrors(t, error, FIELDS).fields),
  });

  const invalidLink = isApiError(mutation.error) && mutation.error.status === 404;
  const { other } = splitFieldErrors(t, mutation.error, FIELDS);

  return (
    <AuthLayout title={t('auth.invite.title')}>
      <form onSubmit={form.onSubmit((values) => mutation.mutate(values.password))} noValidate>
        <Stack gap="md">
          <Stack gap={4}>
            <Title order={1} fz={26} data-testid="page-title">
              {t('auth.invite.title')}
            </Title>
            <Text c="dimmed" size="sm">
              {t('auth.invite.subtitle')}
            </Text>
          </Stack>

          {invalidLink ? (
            <Alert color="orange" icon={<IconLinkOff size={18} />} data-testid="invite-error" role="alert">
              {t('auth.invite.invalid')}
            </Alert>
          ) : (
            mutation.error && <ProblemAlert error={mutation.error} extra={other} testId="invite-error" />
          )}

          <PasswordInput
            label={t('auth.invite.password')}
            description={t('auth.signup.passwordDescription')}
            autoComplete="new-password"
            autoFocus
            data-testid="invite-password"
            {...form.getInputProps('password')}
          />
          <PasswordInput
            label={t('auth.invite.confirm')}
            autoComplete="new-password"
            data-testid="invite-confirm"
            {...form.getInputProps('confirm')}
          />
          <Button type="submit" size="md" fullWidth loading={mutation.isPending} data-testid="invite-submit">
            {t('auth.invite.submit')}
          </Button>
          <Text size="sm" ta="center">
            <Anchor component={Link} to="/login" data-testid="to-login">
              {t('auth.invite.toLogin')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  );
}
