import { Component, type ReactNode } from 'react';

import { RouteErrorPage } from './StatusPages';

interface ErrorBoundaryProps {
  children: ReactNode;
  /** Outside the app shell: the error page then brings its own <main>. */
  standalone?: boolean;
}

/**
 * Catches a page that failed to render — most often a feature's code that could not be downloaded over
 * a dropped connection — and offers a reload instead of a blank screen.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? <RouteErrorPage standalone={this.props.standalone} /> : this.props.children;
  }
}
