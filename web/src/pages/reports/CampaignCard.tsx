import { Card, Col, Descriptions, Flex, Progress, Row, Tag, Typography } from 'antd';
import type { CampaignProgress } from '../../api/reporting';
import { useI18n } from '../../i18n/i18n';
import { reportLabel } from '../../i18n/report-labels';
import { EmptyState } from '../../states/states';
import { progressOf } from './report-format';

/**
 * Report 1 in a card: teams in place against `teamsInPlaceBy`, households inspected against
 * `inspectBy`, each with what was done by its deadline, and the methods.
 */
export function CampaignCard({ campaign }: { readonly campaign: CampaignProgress | null }) {
  const { t, language } = useI18n();
  const title = <h2 className="card-title">{t('reports.campaign.title')}</h2>;
  if (campaign === null)
    return (
      <Card title={title} size="small">
        <Typography.Paragraph>{t('reports.campaign.none')}</Typography.Paragraph>
        <EmptyState />
      </Card>
    );
  return (
    <Card
      title={title}
      size="small"
      extra={
        <Tag color={campaign.deadlinePassed ? 'default' : 'processing'}>
          {t(campaign.deadlinePassed ? 'reports.campaign.passed' : 'reports.campaign.open')}
        </Tag>
      }
    >
      <Row gutter={[24, 16]}>
        <Col xs={24} md={12}>
          <Flex vertical gap={4} data-testid="campaign-teams">
            <Typography.Text strong>{t('reports.campaign.teams')}</Typography.Text>
            <Typography.Text type="secondary">
              {t('reports.campaign.teamsDeadline', { date: campaign.teamsInPlaceBy })}
            </Typography.Text>
            <Progress
              percent={progressOf(campaign.villagesCovered, campaign.villages)}
              aria-label={t('reports.campaign.villagesCovered')}
            />
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('reports.campaign.villagesCovered')}>
                <span data-testid="figure-villagesCovered">{campaign.villagesCovered}</span> / {campaign.villages}
              </Descriptions.Item>
              <Descriptions.Item label={t('reports.campaign.villagesByDeadline')}>
                <span data-testid="figure-villagesCoveredByDeadline">{campaign.villagesCoveredByDeadline}</span>
              </Descriptions.Item>
            </Descriptions>
          </Flex>
        </Col>
        <Col xs={24} md={12}>
          <Flex vertical gap={4} data-testid="campaign-inspection">
            <Typography.Text strong>{t('reports.campaign.inspection')}</Typography.Text>
            <Typography.Text type="secondary">
              {t('reports.campaign.inspectDeadline', { date: campaign.inspectBy })}
            </Typography.Text>
            <Progress
              percent={progressOf(campaign.inspected, campaign.inScope)}
              aria-label={t('reports.campaign.inspected')}
            />
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('reports.campaign.inspected')}>
                <span data-testid="figure-inspected">{campaign.inspected}</span> / {campaign.inScope}
              </Descriptions.Item>
              <Descriptions.Item label={t('reports.campaign.inspectedByDeadline')}>
                <span data-testid="figure-inspectedByDeadline">{campaign.inspectedByDeadline}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('reports.campaign.visited')}>
                <span data-testid="figure-visited">{campaign.visited}</span>
              </Descriptions.Item>
            </Descriptions>
          </Flex>
        </Col>
        <Col span={24}>
          <Typography.Text strong>{t('reports.campaign.byMethod')}：</Typography.Text>
          <Flex wrap gap={8} className="method-tags">
            {Object.entries(campaign.byMethod).map(([method, n]) => (
              <Tag key={method} data-testid={`method-${method}`}>
                {reportLabel('method', method, language)} {n}
              </Tag>
            ))}
          </Flex>
        </Col>
      </Row>
    </Card>
  );
}
