// An authentication strength's allowed combinations in the admin center's words: each combination
// is a comma-separated list of Graph's authenticationMethodModes ("password,sms").
const METHOD_WORDS: Record<string, string> = {
  password: 'Password',
  voice: 'Voice call',
  sms: 'SMS',
  email: 'Email one-time passcode',
  hardwareOath: 'Hardware OATH token',
  softwareOath: 'Software OATH token',
  fido2: 'Passkeys (FIDO2)',
  windowsHelloForBusiness: 'Windows Hello for Business',
  microsoftAuthenticatorPush: 'Microsoft Authenticator (push notification)',
  deviceBasedPush: 'Microsoft Authenticator (phone sign-in)',
  temporaryAccessPassOneTime: 'Temporary Access Pass (one-time use)',
  temporaryAccessPassMultiUse: 'Temporary Access Pass (multi-use)',
  x509CertificateSingleFactor: 'Certificate-based authentication (single-factor)',
  x509CertificateMultiFactor: 'Certificate-based authentication (multifactor)',
  federatedSingleFactor: 'Federated single-factor',
  federatedMultiFactor: 'Federated multifactor',
  qrCodePin: 'QR code',
};

export const combinationWords = (combination: string): string =>
  combination
    .split(',')
    .map((mode) => mode.trim())
    .filter(Boolean)
    .map((mode) => METHOD_WORDS[mode] ?? mode)
    .join(' + ');
