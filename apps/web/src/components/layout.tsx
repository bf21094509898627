import { Header, HeaderBrand, HeaderContent, HeaderRightZone, Headers, Skiplink, SkiplinkItem } from 'design-react-kit';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useNavigate } from 'react-router-dom';
import { session } from '../api/session-store';
import { useAccount } from '../api/use-session';

const NAV: Record<string, { to: string; key: string }[]> = {
  anonymous: [
    { to: '/', key: 'nav.courses' },
    { to: '/offerte', key: 'nav.vacancies' },
  ],
  worker: [
    { to: '/', key: 'nav.courses' },
    { to: '/offerte', key: 'nav.vacancies' },
    { to: '/lavoratore/opportunita', key: 'nav.opportunities' },
    { to: '/lavoratore/profilo', key: 'nav.profile' },
    { to: '/lavoratore/attivita', key: 'nav.activity' },
    { to: '/lavoratore/privacy', key: 'nav.privacy' },
  ],
  employer: [
    { to: '/azienda', key: 'nav.company' },
    { to: '/offerte', key: 'nav.vacancies' },
    { to: '/', key: 'nav.courses' },
  ],
  provider: [
    { to: '/ente', key: 'nav.provider' },
    { to: '/', key: 'nav.courses' },
  ],
  admin: [
    { to: '/regione', key: 'nav.insights' },
    { to: '/regione/coorti', key: 'nav.cohorts' },
    { to: '/', key: 'nav.courses' },
    { to: '/offerte', key: 'nav.vacancies' },
  ],
};

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const other = i18n.language === 'en' ? 'it' : 'en';
  return (
    <button type="button" className="btn btn-sm btn-outline-light me-2" lang={other} onClick={() => void i18n.changeLanguage(other)}>
      {t('nav.switchLanguage')}
    </button>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const account = useAccount();
  const navigate = useNavigate();
  const items = NAV[account?.role ?? 'anonymous'];

  const signOut = async () => {
    const refreshToken = session.refreshToken;
    session.signedOut();
    if (refreshToken) await fetch('/api/v1/auth/logout', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ refreshToken }) }).catch(() => undefined);
    navigate('/');
  };

  return (
    <>
      <Skiplink>
        <SkiplinkItem href="#main">{t('nav.skipToContent')}</SkiplinkItem>
      </Skiplink>
      <Headers>
        <Header type="slim" theme="">
          <HeaderContent>
            <HeaderBrand href="https://www.regione.piemonte.it" rel="noreferrer">
              {t('brand.owner')}
            </HeaderBrand>
            <HeaderRightZone>
              <LanguageSwitch />
              {account ? (
                <>
                  <span className="text-white me-2 d-none d-md-inline">{account.displayName}</span>
                  <button type="button" className="btn btn-sm btn-outline-light" onClick={() => void signOut()}>
                    {t('nav.signOut')}
                  </button>
                </>
              ) : (
                <Link className="btn btn-sm btn-outline-light" to="/accedi">
                  {t('nav.signIn')}
                </Link>
              )}
            </HeaderRightZone>
          </HeaderContent>
        </Header>
        <div className="it-nav-wrapper">
          <Header type="center" theme="">
            <HeaderContent>
              <div className="it-brand-wrapper">
                <Link to="/">
                  <div className="it-brand-text">
                    <div className="it-brand-title">Ricarica</div>
                    <div className="it-brand-tagline d-none d-md-block">{t('brand.tagline')}</div>
                  </div>
                </Link>
              </div>
            </HeaderContent>
          </Header>
          <nav className="it-header-navbar-wrapper" aria-label={t('nav.main')}>
            <div className="container">
              <ul className="nav flex-wrap py-2">
                {items.map((item) => (
                  <li key={item.to} className="nav-item">
                    <NavLink end to={item.to} className="nav-link text-white fw-semibold">
                      {t(item.key)}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </div>
          </nav>
        </div>
      </Headers>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="it-footer mt-5">
        <div className="it-footer-main">
          <div className="container py-4">
            <p className="text-white mb-1">{t('footer.about')}</p>
            <p className="text-white small mb-0">{t('footer.attribution')}</p>
          </div>
        </div>
      </footer>
    </>
  );
}
