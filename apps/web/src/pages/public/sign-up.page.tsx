import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { AccountFields, useRegistration } from '../../components/account-fields';
import { homeOf } from './auth-redirect';

type Role = 'worker' | 'employer' | 'provider';

export default function SignUpPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [role, setRole] = useState<Role>('worker');
  const form = useRegistration(role, (auth) => navigate(homeOf(auth.account, null), { replace: true }));

  return (
    <div className="container my-5" style={{ maxWidth: '36rem' }}>
      <h1 className="h2 mb-4">{t('auth.signUpTitle')}</h1>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          form.register.mutate();
        }}
      >
        <AccountFields form={form} nameLabel={t('auth.displayName')}>
          <fieldset className="mb-4">
            <legend className="h6 fw-semibold">{t('auth.iAm')}</legend>
            {(['worker', 'employer', 'provider'] as Role[]).map((r) => (
              <div className="form-check" key={r}>
                <input id={`role-${r}`} name="role" type="radio" checked={role === r} onChange={() => setRole(r)} />
                <label htmlFor={`role-${r}`}>{t(`roles.${r}`)}</label>
              </div>
            ))}
          </fieldset>
        </AccountFields>
        <button type="submit" className="btn btn-primary" disabled={form.register.isPending}>
          {t('auth.signUp')}
        </button>
      </form>
      <p className="mt-4">
        {t('auth.haveAccount')} <Link to="/accedi">{t('auth.signIn')}</Link>
      </p>
    </div>
  );
}
