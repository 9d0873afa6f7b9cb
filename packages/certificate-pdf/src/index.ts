export {
  CertificatePdfData,
  CertificatePdfDataError,
  CertificatePdfRenderer,
  CertificatePdfRendererOptions,
} from './certificate-pdf-renderer';
export { defaultFontsDir, FONT_FILES } from './fonts';
export { CertificateKind, CertificatePdfLanguage, formatCertificateDate } from './labels';
