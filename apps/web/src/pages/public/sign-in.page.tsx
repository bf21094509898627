import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api, ApiError, call } from '../../api/client';
import { session } from '../../api/session-store';
import { Field, fieldError } from '../../components/field';
import { homeOf } from './auth-redirect';

export default function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useMutation({
    mutationFn: () => call(api.POST('/api/v1/auth/login', { body: { email, password } })),
    onSuccess: (auth) => {
      session.signedIn(auth);
      navigate(homeOf(auth.account, params.get('next')), { replace: true });
    },
  });
  const error = login.error;
  const wrong = error instanceof ApiError && error.status === 401;

  return (
    <div className="container my-5" style={{ maxWidth: '32rem' }}>
      <h1 className="h2 mb-4">{t('auth.signInTitle')}</h1>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          login.mutate();
        }}
      >
        {wrong && (
          <div className="alert alert-danger" role="alert">
            {t('auth.wrongCredentials')}
          </div>
        )}
        {error instanceof ApiError && error.status === 429 && (
          <div className="alert alert-danger" role="alert">
            {t('auth.tooManyAttempts')}
          </div>
        )}
        <Field label={t('auth.email')} type="email" autoComplete="email" value={email} onChange={setEmail} error={fieldError(error, 'email')} required />
        <Field label={t('auth.password')} type="password" autoComplete="current-password" value={password} onChange={setPassword} error={fieldError(error, 'password')} required />
        <button type="submit" className="btn btn-primary" disabled={login.isPending}>
          {t('auth.signIn')}
        </button>
      </form>
      <p className="mt-4">
        {t('auth.noAccount')} <Link to="/registrati">{t('auth.signUp')}</Link>
      </p>
    </div>
  );
}
