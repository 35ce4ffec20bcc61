import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IntegerParam, Optional } from '@relapse-watch/service-runtime';
import { IsInt, Matches, Max, Min } from 'class-validator';

/** Query of the risk type list. */
export class RiskTypesQueryDto {
  @ApiProperty({ description: '省级代码（两位）/ two-digit province code', example: '51', pattern: '^[1-9][0-9]$' })
  @Matches(/^[1-9][0-9]$/, { message: '省级代码须为两位数字 / a province code is two digits' })
  province!: string;

  @ApiPropertyOptional({ description: '年度（缺省为今年）/ year, this year by default', minimum: 2000, maximum: 9999 })
  @Optional()
  @IntegerParam()
  @IsInt()
  @Min(2000)
  @Max(9999)
  year?: number;
}

/** Labels of a risk type. */
export class RiskTypeLabelView {
  @ApiProperty({ name: 'zh-CN', description: '中文名称 / Chinese label', example: '因病' }) 'zh-CN'!: string;
  @ApiProperty({ description: '英文名称 / English label', example: 'Illness' }) en!: string;
}

/** One risk type of the list. */
export class RiskTypeView {
  @ApiProperty({
    description: '风险类型代码 / risk type code',
    example: 'illness',
    pattern: '^([1-9][0-9]\\.)?[a-z][a-z0-9]*(-[a-z0-9]+)*$',
  })
  code!: string;
  @ApiProperty({ type: RiskTypeLabelView }) label!: RiskTypeLabelView;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      '全国类型为 null，省定类型为省级代码 / null for a national type, the province code for a province’s own',
  })
  provinceCode!: string | null;
  @ApiProperty({ description: '属“3+1”保障问题 / one of the "3+1" guarantees is at risk' }) threePlusOne!: boolean;
}
